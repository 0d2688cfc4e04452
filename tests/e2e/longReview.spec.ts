/**
 * A long review opens with its first screen editable at once and the rest built in idle time
 * (opening.ts): whatever the critic does first sees the whole text — select-all and copy, Ctrl+End,
 * undo — and a save made before the rest is built writes the whole file.
 */
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { editorText, openReview, saveState, seedReview } from './review'

const TITLE = 'The Long Goodbye'
const LAST_WORDS = 'and that is where the long review ends.'
const WORDS = 'camera river winter light shadow quiet tender score night rain mirror sharp'.split(' ')

/** About 12,000 words: headings, paragraphs with marks and links, a list every so often; one paragraph of LAST_WORDS at the end. */
function longBody(): string {
  let seed = 7
  const word = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % WORDS.length]!
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ')
  const blocks: string[] = []
  for (let i = 0; i < 200; i++) {
    if (i % 20 === 0) blocks.push(`## Part ${i / 20 + 1}`)
    if (i % 25 === 10) blocks.push(`- ${sentence(5)}\n- ${sentence(6)}`)
    blocks.push(`Paragraph ${i}: ${sentence(20)} **${sentence(3)}** ${sentence(15)} *${sentence(2)}* [${sentence(2)}](https://example.com/${i}) ${sentence(15)}.`)
  }
  blocks.push(`The ${LAST_WORDS}`)
  return `${blocks.join('\n\n')}\n`
}

/** The text/plain the editor puts on the clipboard at the next copy. */
async function nextCopy(page: Page): Promise<() => Promise<string>> {
  await page.evaluate(() => {
    const into = window as unknown as { copied?: string }
    delete into.copied
    document.addEventListener('copy', (event) => (into.copied = event.clipboardData?.getData('text/plain') ?? ''), { once: true })
  })
  return async () => {
    await page.waitForFunction(() => (window as unknown as { copied?: string }).copied !== undefined)
    return page.evaluate(() => (window as unknown as { copied?: string }).copied ?? '')
  }
}

test('a long review: a save right after opening writes all of it; select-all copies all of it, Ctrl+End reaches its last word, undo keeps it whole', async ({ blankPage: page, host, libraryDir }) => {
  const file = await seedReview(libraryDir, 'the-long-goodbye', TITLE, longBody())
  const before = await readFile(file, 'utf8')
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(host.url)
  // The editor warmed up once the library shows (warmUp.tsx, its mark set once it is unmounted) left no text behind.
  await page.waitForFunction(() => performance.getEntriesByName('verdict-editor-warmed-up').length === 1)
  await expect(editorText(page)).toHaveCount(0)
  await openReview(page, TITLE)
  // The title, above the text, is typed into at once: the save takes the text as opened.
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(`${TITLE} (1973)`)
  await expect(saveState(page)).toHaveText(/^Saved/)
  const after = await readFile(file, 'utf8')
  expect(after).toContain(`title: ${TITLE} (1973)\n`)
  // The body, after the front matter, byte for byte as it was.
  const body = (text: string) => text.slice(text.indexOf('\n---\n') + 5)
  expect(body(after)).toBe(body(before))
  expect(body(after).endsWith(`The ${LAST_WORDS}\n`)).toBe(true)

  const text = editorText(page)
  await text.getByRole('paragraph').first().click()
  const copied = await nextCopy(page)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+C')
  const all = await copied()
  expect(all.match(/Paragraph \d+:/g)).toEqual(Array.from({ length: 200 }, (_, i) => `Paragraph ${i}:`))
  expect(all.trimEnd().endsWith(LAST_WORDS)).toBe(true)

  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' Fin.')
  const last = text.getByRole('paragraph').last()
  await expect(last).toHaveText(`The ${LAST_WORDS} Fin.`)
  // Undo takes back the critic's typing, and never the text opened.
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(last).toHaveText(`The ${LAST_WORDS}`)
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(last).toHaveText(`The ${LAST_WORDS}`)
  await expect(text.getByRole('paragraph').filter({ hasText: 'Paragraph 120:' })).toHaveCount(1)
  expect(errors).toEqual([])
})

test('a long review opened in parts: keys pressed before its rest has come are taken once it is whole, and nothing is saved before', async ({ blankPage: page, host, libraryDir }) => {
  const file = await seedReview(libraryDir, 'the-long-goodbye', TITLE, longBody())
  const before = await readFile(file, 'utf8')
  await page.goto(host.url)
  // Main's answer with the rest of the review waits until the test lets it go.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/__ipc/openReviewRest', async (route) => {
    await held
    await route.continue()
  })
  let savesWhileHeld = 0
  let released = false
  page.on('request', (request) => {
    if (!released && request.url().includes('/__ipc/saveReview')) savesWhileHeld++
  })
  await openReview(page, TITLE)
  const text = editorText(page)
  await expect(text.getByRole('paragraph').first()).toContainText('Paragraph 0:')
  await expect(text.getByText(LAST_WORDS)).toHaveCount(0)

  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(`${TITLE} (1973)`)
  await text.getByRole('paragraph').first().click()
  await expect(text).toHaveAttribute('aria-busy', 'true')
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' Fin.')
  await page.keyboard.press('ControlOrMeta+A')
  // Past the saver's pause (600 ms) and the journal's: a save not held back would have been sent by now.
  const typed = await page.evaluate(() => performance.now())
  await page.waitForFunction((at) => performance.now() > at + 1500, typed)
  expect(savesWhileHeld).toBe(0)
  expect(await readFile(file, 'utf8')).toBe(before)

  released = true
  release()
  await expect(text).not.toHaveAttribute('aria-busy', 'true')
  await expect(text.getByRole('paragraph').last()).toHaveText(`The ${LAST_WORDS} Fin.`)
  // Select-all, pressed last, holds the whole text.
  const copied = await nextCopy(page)
  await page.keyboard.press('ControlOrMeta+C')
  const all = await copied()
  expect(all.match(/Paragraph \d+:/g)).toHaveLength(200)
  expect(all.trimEnd().endsWith(`${LAST_WORDS} Fin.`)).toBe(true)
  // The save after the rest came: the title and the typed word, every other byte as it was.
  await expect(saveState(page)).toHaveText(/^Saved/)
  await expect.poll(() => readFile(file, 'utf8')).toContain(`${LAST_WORDS} Fin.`)
  const after = await readFile(file, 'utf8')
  const expected = before.replace(`title: ${TITLE}\n`, `title: ${TITLE} (1973)\n`).replace(`The ${LAST_WORDS}\n`, `The ${LAST_WORDS} Fin.\n`)
  expect(after.replace(/^updated: .*\n/m, '')).toBe(expected.replace(/^updated: .*\n/m, ''))
})
