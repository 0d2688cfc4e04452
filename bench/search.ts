/**
 * `npx tsx bench/search.ts [count]`: the full-text index on a generated library of `count` (10,000)
 * reviews of ~1,000 words, measured in main's services under Node: the index built cold (no
 * search.json) after the first listing, searches as each key of a query is typed (index to hits,
 * snippets included), one review's update after a save, and the index's size on disk; beside them
 * the title filter of before (a lower-cased `includes` over every row's title) on the same rows.
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../src/main/services/library/library'
import { SEARCH_FILE } from '../src/main/services/search/searchIndex'
import { generateReview } from './lib/docgen'

const count = Number(process.argv[2] ?? 10_000)
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'verdict-search-bench-'))
  try {
    const template = generateReview(1000, 'Bench')
    for (let i = 0; i < count; i++) {
      const dir = join(root, `review-${i}`)
      await mkdir(dir)
      // Each review its own title and a word of its own, so hits differ.
      await writeFile(join(dir, 'review.md'), template.file.replace('title: Bench', `title: Bench review ${i} zyx${i}`))
    }
    const first = new Library({ root, defaultAuthor: () => 'Bench' })
    let start = process.hrtime.bigint()
    const rows = await first.list()
    const listMs = ms(start)
    start = process.hrtime.bigint()
    await first.flushSearch()
    const buildMs = ms(start)
    const size = (await stat(join(root, '.verdict', SEARCH_FILE))).size
    first.close()

    // The index lost (or new to this library) while the rows' index is there: built in the background.
    await rm(join(root, '.verdict', SEARCH_FILE))
    const rebuilt = new Library({ root, defaultAuthor: () => 'Bench' })
    start = process.hrtime.bigint()
    await rebuilt.list()
    const warmListMs = ms(start)
    start = process.hrtime.bigint()
    await rebuilt.flushSearch()
    const coldBuildMs = ms(start)
    rebuilt.close()
    const warm = new Library({ root, defaultAuthor: () => 'Bench' })
    start = process.hrtime.bigint()
    await warm.list()
    await warm.searchReviews('the', 50)
    const warmStartMs = ms(start)

    const query = 'the fil'
    const keystrokes: number[] = []
    for (let n = 1; n <= query.length; n++) {
      start = process.hrtime.bigint()
      await warm.searchReviews(query.slice(0, n), 50)
      keystrokes.push(ms(start))
    }
    start = process.hrtime.bigint()
    await warm.searchReviews(`zyx${count - 1}`, 50)
    const rareMs = ms(start)

    const titles = rows.map((row) => row.title.toLocaleLowerCase())
    const titleFilter: number[] = []
    for (let n = 1; n <= query.length; n++) {
      start = process.hrtime.bigint()
      titles.filter((title) => title.includes(query.slice(0, n)))
      titleFilter.push(ms(start))
    }

    const opened = await warm.open('review-0')
    if (opened.kind !== 'editable') throw new Error('review-0 did not open')
    start = process.hrtime.bigint()
    await warm.save('review-0', { ...opened.meta, excerpt: 'A brand new excerpt.' }, opened.doc, opened.hash)
    const saveMs = ms(start)

    const round = (n: number) => Math.round(n * 10) / 10
    console.log(
      JSON.stringify(
        {
          reviews: count,
          firstListingMs: round(listMs),
          indexWrittenAfterFirstListingMs: round(buildMs),
          listingWithRowIndexMs: round(warmListMs),
          coldIndexBuildInBackgroundMs: round(coldBuildMs),
          startWithStoredIndexToFirstSearchMs: round(warmStartMs),
          indexBytes: size,
          keystrokeMs: keystrokes.map(round),
          worstKeystrokeMs: round(Math.max(...keystrokes)),
          rareWordMs: round(rareMs),
          titleFilterKeystrokeMs: titleFilter.map(round),
          saveWithRowAndIndexUpdateMs: round(saveMs),
        },
        null,
        2,
      ),
    )
    warm.close()
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

void main()
