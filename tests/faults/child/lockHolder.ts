/**
 * Child process of the library-lock test: takes a library lock, prints `held`, and keeps it until
 * killed (or, with a hold time, releases it after that long and prints `released`).
 *
 * argv: <library folder> <stale ms> [<hold ms>]
 */
import { OUTBOX_LOCK, withLibraryLock } from '../../../src/main/services/fs/libraryLock'

const [root, staleArg, holdArg] = process.argv.slice(2) as [string, string, string | undefined]
await withLibraryLock(
  root,
  OUTBOX_LOCK,
  async () => {
    process.stdout.write('held\n')
    await new Promise((wake) => setTimeout(wake, holdArg ? Number(holdArg) : 2 ** 31 - 1))
  },
  { waitMs: 0, staleMs: Number(staleArg) },
)
process.stdout.write('released\n')
