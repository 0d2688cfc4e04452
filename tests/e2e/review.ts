/**
 * What most end-to-end specs do with a review: write one into the library as an earlier session (or
 * another program) left it, open it from the library, and find the editor's parts by role.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'

/** The fixtures' review images, and the one a seeded review can have in its assets. */
export const FIXTURE_ASSETS = join(import.meta.dirname, '../unit/pipeline/fixtures/ballerina/assets')
export const FIXTURE_IMAGE = '10226545b9b4e8c3.png'

export interface SeedOptions {
  /** Front matter lines after the title (a subject, a score, a featured image …). */
  frontMatter?: string[]
  status?: 'draft' | 'ready'
  /** Copies FIXTURE_IMAGE into the review's `assets/`. */
  image?: boolean
}

/** Writes `<library>/<folder>/review.md`: front matter, a blank line, then `body`; returns the file's path. */
export async function seedReview(libraryDir: string, folder: string, title: string, body: string, options: SeedOptions = {}): Promise<string> {
  const { frontMatter = [], status = 'draft', image = false } = options
  await mkdir(join(libraryDir, folder, image ? 'assets' : ''), { recursive: true })
  if (image) await cp(join(FIXTURE_ASSETS, FIXTURE_IMAGE), join(libraryDir, folder, 'assets', FIXTURE_IMAGE))
  const file = join(libraryDir, folder, 'review.md')
  const lines = ['---', `title: ${title}`, ...frontMatter, 'author: Ana Critic', 'date: 2026-11-20', `status: ${status}`, 'tags: [film]', "excerpt: ''"]
  lines.push('created: 2026-11-20T09:00:00.000Z', 'updated: 2026-11-20T09:00:00.000Z', '---', '', '')
  await writeFile(file, lines.join('\n') + body)
  return file
}

/** Opens the review titled `title` from the library and waits for the editor to show it. */
export async function openReview(page: Page, title: string): Promise<void> {
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: title, exact: true }).getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title)
}

export const editorText = (page: Page) => page.getByRole('textbox', { name: 'Review text' })

/** Types at the end of the review's text. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  // The last paragraph: the middle of the text may be an image block with fields of its own.
  await editorText(page).getByRole('paragraph').last().click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(text)
}

/** The status bar's save state (the toast's live region is a status too, and always present). */
export const saveState = (page: Page) => page.getByRole('status').filter({ hasText: /^(Saved|Saving…|Error)/ })

export const details = (page: Page) => page.getByRole('complementary', { name: 'Review details' })
