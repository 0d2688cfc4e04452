import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Writes `<library>/<folder>/review.md` with the given Markdown body. */
async function seed(libraryDir: string, folder: string, title: string, body: string): Promise<void> {
  await mkdir(join(libraryDir, folder), { recursive: true })
  const frontMatter = `---\ntitle: ${title}\nauthor: Ana Critic\ndate: 2026-11-20\nstatus: draft\ntags: [film]\nexcerpt: ''\ncreated: 2026-11-20T09:00:00.000Z\nupdated: 2026-11-20T09:00:00.000Z\n---\n\n`
  await writeFile(join(libraryDir, folder, 'review.md'), frontMatter + body)
}

const reviews = (page: Page) => page.getByRole('list', { name: 'Reviews' })
const titleField = (page: Page) => page.getByRole('textbox', { name: 'Title' })

async function open(page: Page, title: string): Promise<void> {
  await reviews(page).getByRole('listitem', { name: title, exact: true }).getByRole('button', { name: 'Open' }).click()
  await expect(titleField(page)).toHaveValue(title)
}

test('a reload shows the review that was open, where it was scrolled to; after the library, or once it is trashed, the library', async ({ page, host, libraryDir }) => {
  const filler = Array(6).fill('the camera stays with her through every turn of the fight').join(' ')
  await seed(libraryDir, 'long', 'Long', `${Array.from({ length: 200 }, (_, i) => `Paragraph ${i} ${filler}.`).join('\n\n')}\n`)
  await page.reload()
  await open(page, 'Long')
  const paragraph = (i: number) => page.getByRole('textbox', { name: 'Review text' }).locator('p').filter({ hasText: `Paragraph ${i} ` })

  // Well past what the first screen shows (blocks in between are drawn at an estimated height).
  await paragraph(120).evaluate((element) => element.scrollIntoView({ block: 'start' }))
  await expect.poll(() => host.services.settings.get().lastReview?.block ?? 0).toBeGreaterThan(100)
  await page.reload()
  await expect(titleField(page)).toHaveValue('Long')
  await expect(paragraph(120)).toBeInViewport()
  await expect(paragraph(0)).not.toBeInViewport()
  await expect(reviews(page)).toBeHidden()

  // Back in the library, a reload stays there.
  await page.getByRole('button', { name: 'Library' }).click()
  await expect(reviews(page)).toBeVisible()
  await expect.poll(() => host.services.settings.get().lastReview).toBeNull()
  await page.reload()
  await expect(reviews(page).getByRole('listitem', { name: 'Long', exact: true })).toBeVisible()

  // Trashed elsewhere while open: the next start shows the library, with nothing to report.
  await open(page, 'Long')
  await expect.poll(() => host.services.settings.get().lastReview?.id).toBe('long')
  await host.services.writes.trash('long')
  await page.reload()
  await expect(reviews(page).getByRole('listitem', { name: 'Welcome to Verdict' })).toBeVisible()
  await expect(reviews(page).getByRole('listitem', { name: 'Long', exact: true })).toBeHidden()
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(host.errors).toEqual([])
})
