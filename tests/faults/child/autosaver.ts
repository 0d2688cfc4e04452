/**
 * Child process of the kill -9 fault test: autosaves a large review again and again until killed.
 * Prints `start <n> <hash>` before save n begins and `ack <n> <hash>` once it resolved (pipes are
 * synchronous on POSIX, so a line printed is a line the parent gets, kill or not).
 *
 * argv: <review folder> <template file> <first n> <count> <saves through Library.save first>
 * The template is the serialized review with MARK where each save puts its own sentence; the first
 * saves of a run go through Library.save (the app's path: baseHash check, serialize, atomic write),
 * the rest through writeFileAtomic with the text Library.save would produce, to keep the test quick.
 * The test runs it bundled (helpers.ts, bundledChildren).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { writeFileAtomic } from '../../../src/main/services/fs/atomicWrite'
import type { Library } from '../../../src/main/services/library/library'
import type * as FormatService from '../../../src/main/services/format'
import { stateDirOf } from '../../support/machineState'

type FormatModule = typeof FormatService

const [reviewDir, templatePath, firstArg, countArg, libraryArg] = process.argv.slice(2) as [string, string, string, string, string]
const MARK = 'AUTOSAVEMARK'
const file = join(reviewDir, 'review.md')
const template = readFileSync(templatePath, 'utf8')
const first = Number(firstArg)
const count = Number(countArg)
const librarySaves = Number(libraryArg)
const hash = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex')
const sentence = (n: number) => `Autosave number ${n} of the long review.`
const print = (line: string) => process.stdout.write(`${line}\n`)

async function main(): Promise<void> {
  let baseHash = hash(readFileSync(file))
  let library: Library | undefined
  let format: FormatModule | undefined
  let clock = 0
  if (librarySaves > 0) {
    // Loaded only when needed: the format service takes a second to load, the atomic write none.
    const { Library: LibraryClass } = await import('../../../src/main/services/library/library')
    format = await import('../../../src/main/services/format')
    library = new LibraryClass({ root: dirname(reviewDir), stateDir: stateDirOf(dirname(reviewDir)), defaultAuthor: () => '', now: () => new Date(clock) })
  }
  print('ready')
  for (let n = first; n < first + count; n++) {
    if (library && format && n < first + librarySaves) {
      const parsed = format.parseReview(Buffer.from(template.replace(MARK, sentence(n))), { title: '', created: '', updated: '' })
      clock = Date.UTC(2026, 10, 25, 10) + n * 1000
      const meta = { ...parsed.meta, updated: new Date(clock).toISOString() }
      const expected = hash(format.serializeReview(meta, parsed.doc))
      print(`start ${n} ${expected}`)
      const saved = await library.save(basename(reviewDir), meta, parsed.doc, baseHash)
      if (saved.hash !== expected) throw new Error(`Library.save wrote ${saved.hash}, expected ${expected}`)
      baseHash = saved.hash
    } else {
      const text = template.replace(MARK, sentence(n))
      const expected = hash(text)
      print(`start ${n} ${expected}`)
      await writeFileAtomic(file, text)
      baseHash = expected
    }
    print(`ack ${n} ${baseHash}`)
  }
  print('done')
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`)
  process.exit(1)
})
