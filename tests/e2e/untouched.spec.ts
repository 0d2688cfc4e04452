/**
 * "Your files, untouched" through the real UI: a post written for Hugo (timestamps, a YAML comment,
 * a shortcode, a loose list, `_emphasis_`) opens editable; typing a word into its last paragraph
 * and waiting for Saved changes that paragraph's line and nothing else in the file. And a review with
 * every kind of block, typed into, is saved as a block delta (shared/delta.ts): the save request
 * carries that paragraph alone and names every other block.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { diffLines } from 'diff'
import { expect, test } from './fixtures'
import { caretAtEnd } from './caret'
import { editorText, FIXTURE_IMAGE, openReview, seedReview } from './review'

const POST = `---
title: "Perfect Days"
date: 2025-11-04 23:29:37+09:00
lastmod: 2025-11-05T08:00:00+09:00
tags:
  - wenders
  - tokyo
rating: 8   # 1-10 scale
---

Wim Wenders follows a toilet cleaner through Tokyo, and the film is _Oh, [so patient](https://example.com/perfect_days)! I loved it_.

{{< figure src="/img/my_poster.jpg" title="Perfect Days" >}}

Hirayama's days repeat:

- wake at dawn
- water the plants

- drive to work

* a second list, with its own marker

The last shot holds on his face for a full minute.
`

test('a Hugo post opened, typed into and saved differs only in the paragraph typed into', async ({ blankPage: page, host, libraryDir }) => {
  const path = join(libraryDir, 'perfect-days', 'review.md')
  await mkdir(join(libraryDir, 'perfect-days'), { recursive: true })
  await writeFile(path, POST)
  await page.goto(host.url)

  const row = page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Perfect Days', exact: true })
  await expect(row).toContainText('wenders')
  await row.getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Perfect Days')
  await expect(page.getByRole('textbox', { name: 'Markdown kept as written' }).first()).toHaveValue(/figure src="\/img\/my_poster.jpg"/)

  await caretAtEnd(page.getByRole('textbox', { name: 'Review text' }).getByText('The last shot holds on his face for a full minute.', { exact: true }))
  await page.keyboard.type(' Unmissable.')
  // The file holds the word once the save has run (the state may read Saved before it starts).
  await expect.poll(() => readFile(path, 'utf8')).toContain('Unmissable.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible()

  const saved = await readFile(path, 'utf8')
  const changed = diffLines(POST, saved).filter((part) => part.added || part.removed)
  expect(changed.map((part) => [part.added ? '+' : '-', part.value])).toEqual([
    ['-', 'The last shot holds on his face for a full minute.\n'],
    ['+', 'The last shot holds on his face for a full minute. Unmissable.\n'],
  ])
})

const BLOCKS = [
  '## The opening',
  'A paragraph with **bold**, *italics* and [a link](https://example.com/a_b).',
  '- a list\n- of two\n  - and a nested one',
  '1. numbered\n2. items',
  '> A quote.',
  '---',
  '| a table | kept as written |\n| --- | --- |\n| 1 | 2 |',
  ':::score[Overall Score]{value="9.5" scale="10" overall}\nVerdict: A stylish, bruising spin-off.\n\nSub-scores:\n- Story: 9\n\nPros:\n- Relentless\n:::',
  `:::figure{credit="Lionsgate" width="wide"}\n![A dancer mid-leap](assets/${FIXTURE_IMAGE})\n\nThe opening sequence.\n:::`,
  `![A still](assets/${FIXTURE_IMAGE})`,
  ':::spoiler[Spoilers]\nThe ending, told.\n:::',
  ':::pullquote\nThe best action film since *John Wick*.\n:::',
  '::embed{url="https://www.youtube.com/watch?v=0FSwsrFpkbw"}',
  'The paragraph typed into.',
  'A last paragraph.',
]

test('a save sends main only the block typed into, naming every other block, and writes only its line', async ({ blankPage: page, host, libraryDir }) => {
  const path = await seedReview(libraryDir, 'every-block', 'Every block', `${BLOCKS.join('\n\n')}\n`, { image: true })
  const before = await readFile(path, 'utf8')
  const saves: unknown[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/__ipc/saveReview')) saves.push((request.postDataJSON() as { args: { doc: unknown } }).args.doc)
  })
  await page.goto(host.url)
  await openReview(page, 'Every block')
  await caretAtEnd(editorText(page).getByText('The paragraph typed into.', { exact: true }))
  await page.keyboard.type(' Typed.')
  await expect.poll(() => readFile(path, 'utf8')).toContain('The paragraph typed into. Typed.')

  // Each save (a slow machine may save between keys) names the blocks main has: those of the opened
  // file, then those of the save before.
  const at = BLOCKS.indexOf('The paragraph typed into.')
  expect(saves.length).toBeGreaterThan(0)
  for (const doc of saves) {
    expect(doc).toEqual({ base: expect.any(String), blocks: [[0, at], expect.objectContaining({ type: 'paragraph' }), [at + 1, BLOCKS.length]] })
  }
  const withoutStamp = (text: string) => text.replace(/^updated: .*$/m, 'updated:')
  expect(withoutStamp(await readFile(path, 'utf8'))).toBe(withoutStamp(before.replace('The paragraph typed into.', 'The paragraph typed into. Typed.')))
})
