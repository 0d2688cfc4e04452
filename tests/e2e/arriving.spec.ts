/**
 * A sync engine brings a review's files one by one: often review.md first, its image a moment
 * later. The open review shows the image once it lands, in the text, the details and the preview,
 * without the critic doing anything and without a write to the review.
 */
import { cp, mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { details, FIXTURE_ASSETS, FIXTURE_IMAGE, openReview, seedReview } from './review'

/** What Chromium decoded: 0 until the file loaded. */
const naturalWidth = (image: Locator) => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)
const naturalWidths = (images: Locator) => images.evaluateAll((elements) => elements.map((element) => (element as HTMLImageElement).naturalWidth))

test('an image that lands after its review shows in the editor, the details and the preview by itself, the file untouched', async ({ blankPage: page, host, libraryDir }) => {
  const file = await seedReview(libraryDir, 'heat', 'Heat', '![The diner](assets/diner.png)\n\nThe text came first.\n', { frontMatter: ['featuredImage: assets/diner.png'] })
  const before = await readFile(file)
  await page.goto(host.url)
  await openReview(page, 'Heat')
  const figure = page.getByRole('group', { name: 'Image: The diner' })
  await expect(figure.getByText('The image file “assets/diner.png” is not in this review’s folder.')).toBeVisible()
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const inPreview = page.getByTitle('Preview', { exact: true }).contentFrame()
  // The featured image at the top of the post and the figure in its text.
  const previewImages = inPreview.getByRole('img', { name: 'The diner' })
  await expect(previewImages).toHaveCount(2)
  expect(await naturalWidths(previewImages)).toEqual([0, 0])

  // As Syncthing brings it: the assets folder, a temp name in it, then one rename.
  const assets = join(libraryDir, 'heat', 'assets')
  await mkdir(assets)
  await cp(join(FIXTURE_ASSETS, FIXTURE_IMAGE), join(assets, '.syncthing.diner.png.tmp'))
  await rename(join(assets, '.syncthing.diner.png.tmp'), join(assets, 'diner.png'))

  // The fixture is 640 × 360 px: each view decoded the file itself, not just changed its address.
  await expect.poll(() => naturalWidth(figure.getByRole('img', { name: 'The diner' }))).toBe(640)
  await expect.poll(() => naturalWidths(previewImages)).toEqual([640, 640])
  await expect.poll(() => naturalWidth(details(page).locator('img'))).toBe(640)
  expect(await readFile(file)).toEqual(before)
})
