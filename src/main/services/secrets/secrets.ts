/**
 * Blog passwords, keys and tokens. In the app they are encrypted by the OS keychain (Electron
 * `safeStorage`) and only the ciphertext is stored, in a file of its own; where the keychain is
 * Chromium's `basic_text` or unknown (Linux without a keyring) they stay in memory for the session,
 * unless the critic opts in, after a warning, to keeping them in that weakly protected file.
 * They never go into review files, the settings file, logs or exports.
 */
import type { SecretBackend } from '../../../shared/publish'

export interface SecretStore {
  /** Where secrets set now end up. */
  backend(): SecretBackend
  get(key: string): string | undefined
  set(key: string, secret: string): void
  delete(key: string): void
}

/** The part of Electron's `safeStorage` used here (kept as an interface so Node code never imports electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
  /** Linux only: `basic_text` means no real keyring. */
  getSelectedStorageBackend?(): string
}

/** Ciphertexts by key, as base64: an electron-store/conf instance of its own (not the settings file). */
export interface CipherFile {
  get(key: string): string | undefined
  set(key: string, value: string): void
  delete(key: string): void
}

export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>()
  return {
    backend: () => 'memory',
    get: (key) => secrets.get(key),
    set: (key, secret) => void secrets.set(key, secret),
    delete: (key) => void secrets.delete(key),
  }
}

const WEAK_BACKENDS = new Set(['basic_text', 'unknown'])

export function createKeychainSecretStore(options: {
  safeStorage: SafeStorageLike
  file: CipherFile
  /** The critic accepted keeping secrets in the file although no keyring protects it. */
  allowWeakFile: () => boolean
}): SecretStore {
  const { safeStorage, file } = options
  const session = createMemorySecretStore()
  const strong = (): boolean => safeStorage.isEncryptionAvailable() && !WEAK_BACKENDS.has(safeStorage.getSelectedStorageBackend?.() ?? 'keychain')
  const backend = (): SecretBackend => (strong() ? 'keychain' : safeStorage.isEncryptionAvailable() && options.allowWeakFile() ? 'plain-file' : 'memory')
  return {
    backend,
    get(key) {
      const inSession = session.get(key)
      if (inSession !== undefined) return inSession
      const stored = file.get(key)
      if (stored === undefined || !safeStorage.isEncryptionAvailable()) return undefined
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'))
      } catch {
        // Encrypted under another user or keyring: as good as absent; the critic signs in again.
        return undefined
      }
    },
    set(key, secret) {
      if (backend() === 'memory') {
        session.set(key, secret)
        file.delete(key)
        return
      }
      file.set(key, safeStorage.encryptString(secret).toString('base64'))
      session.delete(key)
    },
    delete(key) {
      session.delete(key)
      file.delete(key)
    },
  }
}
