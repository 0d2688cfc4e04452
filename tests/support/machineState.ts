// This machine's state folder of a library (its caches, drafts, locks; src/main/services/fs/machineState.ts)
// for tests that build a Library by hand: one per library path, outside the library as in the app.
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function stateDirOf(root: string): string {
  return join(tmpdir(), 'verdict-test-state', createHash('sha256').update(root).digest('hex').slice(0, 16))
}
