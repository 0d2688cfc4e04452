/**
 * The safe quit through the browser-mode host: main's close handshake asks the real renderer to
 * save, waits for its answer and the writes in flight; then the file holds every character typed.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'

test('type, quit at once: the file holds every character', async ({ page, host, libraryDir }) => {
  await page.getByRole('button', { name: 'New review' }).click()
  const editor = page.getByRole('textbox', { name: 'Review text' })
  await editor.click()
  const typed = 'The last words before quitting, typed fast: nothing may be lost.'
  // No pause after the last key: autosave has not run yet when quitting starts.
  await page.keyboard.type(typed)

  const outcome = await host.services.quit.prepare({ renderer: true })
  expect(outcome).toEqual({ renderer: 'flushed', writes: 'done' })

  const texts = await Promise.all((await readdir(libraryDir)).map((folder) => readFile(join(libraryDir, folder, 'review.md'), 'utf8').catch(() => '')))
  expect(texts.some((text) => text.includes(typed))).toBe(true)
})
