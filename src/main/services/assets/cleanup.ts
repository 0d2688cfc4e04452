import { readdir } from 'node:fs/promises'
import { posix } from 'node:path'
import { VerdictError } from '../../../shared/contract'
import { describeIoError, fail } from '../errors'
import { ASSETS_DIR, type Library } from '../library/library'
import { isSyncTemp } from '../fs/syncTemp'
import { assetsFolder, moveAssetsToTrash, serialized } from './assetsDir'
import { readLedger, writeLedger } from './ledger'

export interface CleanupOptions {
  /** Paths the saved review uses (`assets/x.png`, as written in its Markdown). */
  referenced: ReadonlySet<string>
  /** Paths something else still needs (version history): never collected either. */
  keep?: ReadonlySet<string>
  /** How long a file must have stayed unused before it goes to the trash. */
  graceMs: number
  now: Date
}

export interface CleanupResult {
  /** Paths (`assets/…`) moved to the trash by this run. */
  trashed: string[]
  /** Folder under the library's `.trash` that received them; null when nothing moved. */
  trashFolder: string | null
  /** Paths unused but still within their grace period, with when each becomes collectable. */
  waiting: { path: string; after: Date }[]
}

/**
 * Moves files of a review's `assets/` that nothing uses any more to the library's trash
 * (`.trash/assets-<id>-<ms>/`), but only once they have been unused for longer than `graceMs`.
 *
 * The grace period is measured from when a clean-up *first saw* the file unused, recorded in
 * `assets/.unreferenced.json` (see ledger.ts), not from the file's mtime: the mtime says when the
 * image was imported, so an old image dropped from the text a minute ago would otherwise look
 * long abandoned and go at once. Consequences of that design:
 * - A file only ever goes on a later run than the one that noticed it, and after more than `graceMs`.
 * - Used again (in `referenced` or `keep`) or re-imported: its entry is dropped, the clock restarts.
 * - A lost or corrupt ledger, or a clock that went backwards, only restarts clocks; never shortens them.
 * - Only plain files directly in `assets/` are considered; dot-files (the ledger, in-flight temp
 *   files), a sync engine's temp files (fs/syncTemp.ts), sub-folders and links are never touched.
 * - References match case- and Unicode-normalisation-insensitively, and with or without
 *   percent-encoding or `./`: when in doubt a file counts as used.
 */
export async function collectUnusedAssets(library: Library, id: string, options: CleanupOptions): Promise<CleanupResult> {
  const { graceMs, now } = options
  if (!(Number.isFinite(graceMs) && graceMs >= 0)) fail('INVALID_ARGUMENT', 'The grace period must be a length of time.')
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) fail('INVALID_ARGUMENT', 'The clean-up needs the current time.')
  const folder = await assetsFolder(library, id)
  const empty: CleanupResult = { trashed: [], trashFolder: null, waiting: [] }
  if (!folder.exists) return empty

  return serialized(folder.path, async () => {
    try {
      const used = new Set<string>()
      for (const path of [...options.referenced, ...(options.keep ?? [])]) for (const key of assetKeys(path)) used.add(key)

      const entries = await readdir(folder.path, { withFileTypes: true })
      const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.') && !isSyncTemp(e.name)).map((e) => e.name)
      const present = new Set(files)
      const ledger = await readLedger(folder.path)
      const before = JSON.stringify([...ledger])
      const at = now.getTime()
      const due: string[] = []
      const waiting: CleanupResult['waiting'] = []

      for (const name of [...ledger.keys()]) if (!present.has(name)) ledger.delete(name)
      for (const name of files) {
        if (used.has(fileKey(name))) {
          ledger.delete(name)
          continue
        }
        const since = ledger.get(name)
        if (since === undefined || since > at) {
          ledger.set(name, at)
          waiting.push({ path: `${ASSETS_DIR}/${name}`, after: new Date(at + graceMs) })
        } else if (at - since > graceMs) {
          due.push(name)
        } else {
          waiting.push({ path: `${ASSETS_DIR}/${name}`, after: new Date(since + graceMs) })
        }
      }

      let trashFolder: string | null = null
      if (due.length > 0) {
        trashFolder = await moveAssetsToTrash(library, id, folder.path, due, now)
        for (const name of due) ledger.delete(name)
      }
      if (JSON.stringify([...ledger]) !== before) await writeLedger(folder.path, ledger)
      return { trashed: due.map((name) => `${ASSETS_DIR}/${name}`), trashFolder, waiting }
    } catch (error) {
      if (error instanceof VerdictError) throw error
      throw describeIoError(error, `tidy the images of “${id}”`)
    }
  })
}

/** How a file name of `assets/` is compared with references. */
function fileKey(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/** The keys under which a reference may name a file directly in `assets/`: raw and percent-decoded. */
function assetKeys(reference: string): string[] {
  const raw = reference.trim().replace(/\\/g, '/')
  // With and without a `?query`/`#fragment`, raw and percent-decoded: more keys only keep more files.
  const forms = [raw, raw.replace(/[?#].*$/, '')]
  for (const form of forms.slice()) {
    try {
      forms.push(decodeURIComponent(form))
    } catch {
      // Not valid percent-encoding: the raw form stands.
    }
  }
  const keys: string[] = []
  for (const form of forms) {
    const path = posix.normalize(form).replace(/^(\.\/)+/, '')
    const prefix = `${ASSETS_DIR}/`
    if (path.slice(0, prefix.length).toLowerCase() !== prefix) continue
    const name = path.slice(prefix.length)
    if (name && !name.includes('/')) keys.push(fileKey(name))
  }
  return keys
}
