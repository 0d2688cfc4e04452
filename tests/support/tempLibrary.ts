import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { Library } from '../../src/main/services/library/library'
import { stateDirOf } from './machineState'

/** The fixture reviews (the pipeline's golden files are made of them). */
export const FIXTURES = join(import.meta.dirname, '..', 'unit', 'pipeline', 'fixtures')

export interface TempLibrary {
  root: string
  library: Library
  cleanup(): Promise<void>
}

/** A library in a fresh temp folder holding copies of the given fixture reviews. */
export async function tempLibrary(fixtures: readonly string[] = []): Promise<TempLibrary> {
  const root = await mkdtemp(join(tmpdir(), 'verdict-export-'))
  for (const name of fixtures) await cp(join(FIXTURES, name), join(root, name), { recursive: true })
  const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Tester' })
  // The library's index and search files are written in the background: let them land first, or
  // removing the folder meets a file written into it meanwhile (ENOTEMPTY).
  const cleanup = async () => {
    await library.flushIndex()
    await library.flushSearch()
    await rm(root, { recursive: true, force: true })
  }
  return { root, library, cleanup }
}

export async function tempDir(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'verdict-out-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** Every file under `dir` (relative path → sha256), to prove a folder was not touched. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) await walk(path)
      else out[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex')
    }
  }
  await walk(dir)
  return out
}
