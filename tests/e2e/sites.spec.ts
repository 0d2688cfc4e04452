/**
 * A Hugo site opened as a library through the UI: its layout is detected and shown, its posts are
 * listed with their titles and scores, choosing another layout lists what that layout sees, and a
 * post's image from the site's static/ shows in the editor and the preview.
 */
import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { browseTo, expect, test } from './fixtures'

const HUGO_SITE = join(import.meta.dirname, '../unit/library/sites/hugo')

test('a Hugo site opens in its own layout, which can be changed', async ({ page, host, tempDir }) => {
  const site = join(tempDir, 'reel-notes')
  await cp(HUGO_SITE, site, { recursive: true })
  await page.getByRole('button', { name: 'Switch library…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Switch library' })
  await browseTo(host, dialog, 'Library folder', 'folder', site)
  await dialog.getByRole('button', { name: 'Open library' }).click()
  await expect(dialog).toBeHidden()

  const nav = page.getByRole('navigation', { name: 'Library' })
  const layout = nav.getByLabel('Layout')
  await expect(layout).toHaveValue('bundle')
  await expect(nav).toContainText('Reviews in content/posts')
  const list = page.getByRole('list', { name: 'Reviews' })
  for (const [title, score] of [['Past Lives', '9'], ['Perfect Days', '7.5'], ['The Holdovers', '8']]) {
    await expect(list.getByRole('listitem', { name: title, exact: true })).toContainText(score!)
  }

  // Verdict's own layout sees no review folders here; the choice is kept in .verdict/.
  await layout.selectOption({ label: 'Verdict folders' })
  await expect(list.getByRole('listitem')).toHaveCount(0)
  expect(JSON.parse(await readFile(join(site, '.verdict', 'layout.json'), 'utf8'))).toMatchObject({ kind: 'verdict', content: 'content/posts' })
  await layout.selectOption({ label: 'Hugo page bundles' })
  await expect(list.getByRole('listitem', { name: 'Perfect Days', exact: true })).toBeVisible()
  await list.getByRole('listitem', { name: 'Perfect Days', exact: true }).getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Perfect Days')

  // `/img/komorebi.png` is Hugo's static/img/komorebi.png: an image block in the editor and an image in the preview.
  const loaded = (image: Locator) => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)
  const figure = page.getByRole('group', { name: 'Image: Light through the leaves' })
  await expect.poll(() => loaded(figure.getByRole('img', { name: 'Light through the leaves' }))).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const post = page.getByTitle('Preview', { exact: true }).contentFrame()
  await expect.poll(() => loaded(post.getByRole('img', { name: 'Light through the leaves' }))).toBeGreaterThan(0)
  await expect.poll(() => loaded(post.getByRole('img', { name: 'tree' }))).toBeGreaterThan(0)
})
