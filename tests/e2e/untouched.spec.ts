/**
 * "Your files, untouched" through the real UI: a post written for Hugo (timestamps, a YAML comment,
 * a shortcode, a loose list, `_emphasis_`) opens editable; typing a word into its last paragraph
 * and waiting for Saved changes that paragraph's line and nothing else in the file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { diffLines } from 'diff'
import { expect, test } from './fixtures'
import { caretAtEnd } from './caret'

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

test('a Hugo post opened, typed into and saved differs only in the paragraph typed into', async ({ page, libraryDir }) => {
  const path = join(libraryDir, 'perfect-days', 'review.md')
  await mkdir(join(libraryDir, 'perfect-days'), { recursive: true })
  await writeFile(path, POST)
  await page.reload()

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
