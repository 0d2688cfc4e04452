import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isErrnoCode } from '../errors'
import { writeFileAtomic } from '../fs/atomicWrite'

/**
 * `assets/.unreferenced.json`: for each file of `assets/` that the review stopped using, when a
 * clean-up first noticed. It is the clock of the grace period (see cleanup.ts). A dot-file, so the
 * clean-up itself and a casual look at the folder pass over it.
 */
export const LEDGER_FILE = '.unreferenced.json'

/** File name in `assets/` → time (ms) it was first seen unreferenced. */
export type Ledger = Map<string, number>

interface LedgerJson {
  about: string
  firstSeenUnreferenced: Record<string, string>
}

const ABOUT =
  'Written by Verdict: images of this review that its text no longer uses, and when that was first noticed. ' +
  "Each moves to the library's .trash after a grace period unless the review uses it again."

/**
 * Reads the ledger. A missing, unparseable or odd one reads as empty: that only restarts the grace
 * period of the files it listed, never shortens it. Entries with a bad date are dropped likewise.
 */
export async function readLedger(assetsDir: string): Promise<Ledger> {
  let text: string
  try {
    text = await readFile(join(assetsDir, LEDGER_FILE), 'utf8')
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT', 'EISDIR')) return new Map()
    throw error
  }
  const ledger: Ledger = new Map()
  try {
    const parsed = JSON.parse(text) as Partial<LedgerJson> | null
    const entries = parsed?.firstSeenUnreferenced
    if (entries && typeof entries === 'object') {
      for (const [name, value] of Object.entries(entries)) {
        const ms = typeof value === 'string' ? Date.parse(value) : NaN
        if (Number.isFinite(ms)) ledger.set(name, ms)
      }
    }
  } catch {
    // Unparseable: start over (see above).
  }
  return ledger
}

/** Writes the ledger atomically; an empty ledger removes the file so tidy folders stay tidy. */
export async function writeLedger(assetsDir: string, ledger: Ledger): Promise<void> {
  const path = join(assetsDir, LEDGER_FILE)
  if (ledger.size === 0) {
    await rm(path, { force: true })
    return
  }
  const names = [...ledger.keys()].sort()
  const json: LedgerJson = {
    about: ABOUT,
    firstSeenUnreferenced: Object.fromEntries(names.map((name) => [name, new Date(ledger.get(name)!).toISOString()])),
  }
  await writeFileAtomic(path, `${JSON.stringify(json, null, 2)}\n`)
}

/** Drops `name` from the ledger (it is in use again, e.g. just re-imported); no write when absent. */
export async function forgetUnreferenced(assetsDir: string, name: string): Promise<void> {
  const ledger = await readLedger(assetsDir)
  if (ledger.delete(name)) await writeLedger(assetsDir, ledger)
}
