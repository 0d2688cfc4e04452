/**
 * `npx tsx bench/search.ts [count]`: the full-text index of the working tree's services on a
 * generated library of `count` (10,000) reviews (bench/lib/indexing.ts says what is measured), on its
 * own and without a build; `npm run bench` measures the same as its `index` part. Prints the figures
 * as JSON, then RESULTS.md's rows, with the machine's load before and during the run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { benchIndexing, indexingRows } from './lib/indexing'
import { describeMachine, watchLoad } from './lib/machine'

const count = Number(process.argv[2] ?? 10_000)
const machine = describeMachine('')
const stopWatching = watchLoad(machine)
const work = await mkdtemp(join(tmpdir(), 'verdict-search-bench-'))
try {
  const results = await benchIndexing({ appDir: resolve(import.meta.dirname, '..'), work, count, log: (line) => console.error(line) })
  stopWatching()
  console.log(JSON.stringify({ ...results, loadBefore: machine.loadStart, loadMaxDuring: machine.loadMax, cores: machine.cores }, null, 2))
  console.log(`\n${count.toLocaleString('en')} reviews; load average ${machine.loadStart} before, up to ${machine.loadMax} during, on ${machine.cores} cores; ${results.minutes} min.\n`)
  console.log('| Goal | Target | Measured | | Beside it |\n| --- | --- | --- | --- | --- |')
  for (const row of indexingRows(results)) console.log(`| ${row.join(' | ')} |`)
} finally {
  await rm(work, { recursive: true, force: true })
}
