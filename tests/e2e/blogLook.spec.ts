/**
 * "As on <blog>" from the preview pane, in the browser mode against a stand-in blog on 127.0.0.1:
 * offered beside Verdict's themes for a blog on the web, fetched only when chosen or refreshed, the
 * review shown in the blog's own page and column, signed and dated as the Publish dialog would
 * publish it, and the kept look shown with a note when the blog cannot be reached.
 */
import type { Page } from '@playwright/test'
import { startStandInBlog, STAND_IN_COLUMN, type StandInBlog } from '../support/standInBlog'
import { expectClean } from './axe'
import { expect, test } from './fixtures'
import { editorText, openReview, seedReview } from './review'

const LEAD = 'Len Wiseman’s spin-off follows Eve Macarro, an assassin trained by the Ruska Roma.'

const pane = (page: Page) => page.getByRole('region', { name: 'Layout preview' })
const inPreview = (page: Page) => page.getByTitle('Preview', { exact: true }).contentFrame()

let blog: StandInBlog
test.beforeEach(async () => {
  blog = await startStandInBlog()
})
test.afterEach(async () => {
  await blog.close()
})

test('the preview shows the review as on the critic’s blog, fetched only when asked, and the kept look when the blog is unreachable', async ({ blankPage: page, host, libraryDir }) => {
  await host.services.blogs.save({ name: 'Stand-in blog', kind: 'micropub', url: blog.url }, 'token')
  await seedReview(libraryDir, 'ballerina', 'Ballerina', `${LEAD}\n\n:::score[Overall Score]{value="9.5" scale="10" overall}\n:::\n`)
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const theme = pane(page).getByLabel('Theme')
  await expect(theme.getByRole('option', { name: 'As on Stand-in blog' })).toBeAttached()
  await expect(inPreview(page).locator('html')).toHaveAttribute('data-theme', 'classic')
  // Offered, not fetched: nothing went to the blog.
  expect(blog.requests).toEqual([])

  await theme.selectOption({ label: 'As on Stand-in blog' })
  const post = inPreview(page)
  await expect(post.getByText('The blog’s own header')).toBeVisible()
  await expect(post.getByRole('heading', { level: 1 })).toHaveText('Ballerina')
  // In the blog's content area, in the column its own stylesheet gives it.
  await expect(post.getByText(LEAD)).toBeVisible()
  expect(await post.getByText(LEAD).evaluate((p) => p.closest('.e-content')?.getBoundingClientRect().width)).toBe(STAND_IN_COLUMN)
  await expect(post.getByRole('region', { name: 'Overall Score: 9.5 out of 10' })).toBeVisible()
  // Signed and dated as a publish now would: the site's h-card names the review's author, and a
  // first publish is dated the day it goes live, written as the blog writes its dates.
  const today = new Date().toLocaleDateString('en-US', { dateStyle: 'long' })
  await expect(post.getByRole('link', { name: 'Ana Critic' })).toBeVisible()
  await expect(post.getByText(today, { exact: true })).toBeVisible()
  await expect(pane(page).getByRole('status').filter({ hasText: /^Shown as on Stand-in blog, from its page fetched on / })).toBeVisible()
  // One page, its own stylesheets with their font and images; never the other origin's, the preload or the scripts.
  expect(blog.requests).toEqual(['/', '/2026/post/', '/style.css', '/base.css', '/fonts/serif.woff2', '/notes.txt', '/img/paper.png'])
  // The pane with the blog's look and its note, in light and dark colours.
  await expectClean(page, '[aria-label="Layout preview"]')
  // The Colours choice is Verdict's themes' own.
  await expect(pane(page).getByRole('radiogroup', { name: 'Colours' }).getByRole('radio', { name: 'Dark' })).toBeDisabled()

  // Typing renders from the kept look: no request.
  await editorText(page).getByText('Len Wiseman').click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.type('The ending stumbles. ')
  await expect(post.getByText('The ending stumbles.')).toBeVisible()
  expect(blog.requests).toHaveLength(7)

  // Back-dated in the Publish dialog: the preview shows the review's own date.
  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  const publish = page.getByRole('dialog', { name: /^Publish “/ })
  await publish.getByRole('radiogroup', { name: 'Date on the post' }).getByRole('radio', { name: /^The review’s date/ }).check()
  await page.keyboard.press('Escape')
  await expect(publish).toBeHidden()
  await expect(post.getByText('November 20, 2026', { exact: true })).toBeVisible()

  // Unreachable now: Refresh keeps the look it has and says so.
  await blog.close()
  await pane(page).getByRole('button', { name: 'Refresh' }).click()
  await expect(pane(page).getByRole('status').filter({ hasText: /^Shown as on/ })).toContainText(`Shown as on Stand-in blog on ${today}; could not reach it now`)
  await expect(post.getByText('The blog’s own header')).toBeVisible()
  // Its note now a warning, in light and dark colours.
  await expectClean(page, '[aria-label="Layout preview"]')

  // Back to Verdict's theme, which the exports keep using.
  await theme.selectOption({ label: 'Classic' })
  await expect(inPreview(page).locator('html')).toHaveAttribute('data-theme', 'classic')
  await expect(pane(page).getByText(/^Shown as on/)).toBeHidden()
  expect(host.services.settings.get().theme).toBe('classic')
})
