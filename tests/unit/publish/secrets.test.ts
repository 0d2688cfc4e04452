/** Where blog secrets end up, for each kind of keychain Electron's safeStorage may report. */
import { describe, expect, it } from 'vitest'
import { createKeychainSecretStore, type CipherFile, type SafeStorageLike } from '../../../src/main/services/secrets/secrets'

/** Stands in for the OS keychain: a reversible transform, so the file can be checked for plain text. */
function keychain(backend: string, available = true): SafeStorageLike {
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a))
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => flip(Buffer.from(plain, 'utf8')),
    decryptString: (encrypted) => flip(encrypted).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  }
}

function cipherFile(): CipherFile & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return { entries, get: (key) => entries.get(key), set: (key, value) => void entries.set(key, value), delete: (key) => void entries.delete(key) }
}

describe('the keychain secret store', () => {
  it('keeps only ciphertext in its file when a real keyring protects it', () => {
    const file = cipherFile()
    const store = createKeychainSecretStore({ safeStorage: keychain('gnome_libsecret'), file, allowWeakFile: () => false })
    store.set('blog:1', 'app-password-1234')
    expect(store.backend()).toBe('keychain')
    expect([...file.entries.values()].join()).not.toContain('app-password')
    expect(store.get('blog:1')).toBe('app-password-1234')
    store.delete('blog:1')
    expect(store.get('blog:1')).toBeUndefined()
    expect(file.entries.size).toBe(0)
  })

  it('keeps secrets in memory only when the keyring is basic_text, unless the critic opted in', () => {
    const file = cipherFile()
    let optedIn = false
    const store = createKeychainSecretStore({ safeStorage: keychain('basic_text'), file, allowWeakFile: () => optedIn })
    store.set('blog:1', 'token-a')
    expect(store.backend()).toBe('memory')
    expect(file.entries.size).toBe(0)
    expect(store.get('blog:1')).toBe('token-a')
    optedIn = true
    expect(store.backend()).toBe('plain-file')
    store.set('blog:2', 'token-b')
    expect(file.entries.has('blog:2')).toBe(true)
    // A fresh session (a restart) still has the opted-in secret, not the memory-only one.
    const next = createKeychainSecretStore({ safeStorage: keychain('basic_text'), file, allowWeakFile: () => true })
    expect(next.get('blog:2')).toBe('token-b')
    expect(next.get('blog:1')).toBeUndefined()
  })

  it('treats a ciphertext it cannot decrypt as no secret at all', () => {
    const file = cipherFile()
    file.set('blog:1', 'not-base64-of-anything')
    const broken: SafeStorageLike = { ...keychain('kwallet5'), decryptString: () => { throw new Error('wrong key') } }
    expect(createKeychainSecretStore({ safeStorage: broken, file, allowWeakFile: () => false }).get('blog:1')).toBeUndefined()
  })
})
