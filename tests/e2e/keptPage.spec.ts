/**
 * The kept page (keptPage.ts) isolates its tests as new contexts would: these run in order on one
 * worker, the first leaving behind everything a test can, the next finding none of it.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

test.describe.configure({ mode: 'serial' })

let first: { page: Page; origin: string } | undefined
const reviews = (page: Page) => page.getByRole('list', { name: 'Reviews' }).getByRole('listitem')
const pickerStyles = (page: Page) => page.evaluate(() => fetch('/__web/picker.css').then((response) => response.text()))
const dark = (page: Page) => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)

test('a test leaves storage, cookies, a route, listeners, a viewport, dark mode and a review behind', async ({ blankPage: page, context, host, libraryDir }) => {
  await mkdir(join(libraryDir, 'left-behind'), { recursive: true })
  await writeFile(join(libraryDir, 'left-behind', 'review.md'), '---\ntitle: Left Behind\n---\n\nThe first test’s review.\n')
  await page.goto(host.url)
  await expect(reviews(page).filter({ hasText: 'Left Behind' })).toBeVisible()

  await page.evaluate(() => {
    localStorage.setItem('verdict.lastBlog', 'first-test-blog')
    sessionStorage.setItem('left', 'behind')
  })
  await context.addCookies([{ name: 'left', value: 'behind', url: host.origin }])
  await page.route('**/__web/picker.css', (route) => route.fulfill({ body: 'routed by the first test' }))
  expect(await pickerStyles(page)).toBe('routed by the first test')
  page.on('dialog', (dialog) => void dialog.accept('answered by the first test'))
  await page.setViewportSize({ width: 700, height: 500 })
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await dark(page)).toBe(true)
  first = { page, origin: host.origin }
})

test('the next test on the kept page finds none of it', async ({ page, context, host }) => {
  // The same page and the same address: what is kept is the page, and its cached scripts.
  expect(page).toBe(first?.page)
  expect(host.origin).toBe(first?.origin)

  await expect(reviews(page).first()).toBeVisible()
  await expect(reviews(page).filter({ hasText: 'Left Behind' })).toHaveCount(0)
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0])
  expect((await context.cookies()).map((cookie) => cookie.name)).toEqual([`verdict-${new URL(host.origin).port}`])
  expect(await pickerStyles(page)).not.toContain('routed by the first test')
  // No handler answers a prompt any more: unanswered, Playwright dismisses it.
  expect(await page.evaluate(() => prompt('Still answered?'))).toBeNull()
  expect(page.viewportSize()).toEqual({ width: 1280, height: 800 })
  expect(await dark(page)).toBe(false)
})

test('a test that installs the fake clock, which cannot be undone, is followed by a new context', async ({ page }) => {
  await page.clock.install({ time: new Date('2000-01-01T00:00:00Z') })
  await page.reload()
  expect(await page.evaluate(() => new Date().getFullYear())).toBe(2000)
  first = { page, origin: '' }
})

test('so the next test has the real clock', async ({ page }) => {
  expect(page).not.toBe(first?.page)
  expect(await page.evaluate(() => new Date().getFullYear())).toBeGreaterThan(2000)
})
