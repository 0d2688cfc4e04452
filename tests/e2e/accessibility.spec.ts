/**
 * axe-core on every screen and dialog, light and dark: WCAG 2.2 A/AA and axe's best practices,
 * with no serious or critical finding. Each state is scanned in both colour schemes in place (the
 * scheme switched between the two scans), so one flow checks what a light and a dark run of it did.
 * Each theme's reader page is checked on its own too: the preview frame runs no script, so axe
 * cannot be injected into it where it is shown.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expectClean, findings, useScheme } from './axe'
import { expect, test } from './fixtures'
import type { Host } from './host'
import { slow } from '../support/slow'
import { caretAtEnd } from './caret'
import { editorText, FIXTURE_ASSETS } from './review'

/** Every critic block: a credited figure, the score, a spoiler, a pull quote and a trailer. */
const REVIEW = `---
title: Ballerina
author: Ana Critic
date: 2026-11-25
status: ready
tags: [film, action]
featuredImage: assets/c17fca0d1f85cbb4.png
subject:
  kind: film
  title: Ballerina
  year: 2025
  ids: {}
---

Text with **bold** words.

:::figure{credit="Lionsgate"}
![Eve on a frozen lake](assets/10226545b9b4e8c3.png)

The winter village.
:::

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off.

Pros:
- The fights

Cons:
- Thin cast
:::

:::spoiler[The ending]
Eve wins.
:::

:::pullquote
The most playful film of the series.
:::

::embed{url="https://www.youtube.com/watch?v=0FSwsrFpkbw"}
`

async function openBallerina(page: Page, host: Host, libraryDir: string): Promise<void> {
  await mkdir(join(libraryDir, 'ballerina'), { recursive: true })
  await cp(FIXTURE_ASSETS, join(libraryDir, 'ballerina', 'assets'), { recursive: true })
  await writeFile(join(libraryDir, 'ballerina', 'review.md'), REVIEW)
  await page.goto(host.url)
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Ballerina', exact: true }).getByRole('button', { name: 'Open' }).click()
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Ballerina')
}


test('the library, Settings, Tags (its list and a merge), Letterboxd import, Blogs and Add blog with its errors', async ({ blankPage: page, host, libraryDir }) => {
  test.setTimeout(slow(300_000))
  await openBallerina(page, host, libraryDir)
  await page.getByRole('button', { name: 'Library' }).click()
  await expect(page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Ballerina', exact: true })).toBeVisible()
  await expectClean(page)
  // The archive's charts and their tables.
  await page.getByRole('button', { name: 'Archive' }).click()
  await expect(page.getByRole('figure', { name: 'Reviews per month' })).toBeVisible()
  await expectClean(page)

  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  await expectClean(page, 'dialog[open]')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Tags…' }).click()
  const tags = page.getByRole('dialog', { name: 'Tags' })
  await expect(tags.getByRole('list', { name: 'Tags' })).toBeVisible()
  await expectClean(page, 'dialog[open]')
  await tags.getByRole('button', { name: 'Rename “film”' }).click()
  await tags.getByRole('textbox', { name: 'New name for “film”' }).fill('action')
  await expect(tags.getByRole('button', { name: 'Merge into “action”' })).toBeVisible()
  await expectClean(page, 'dialog[open]')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Import & export' }).click()
  await page.getByRole('menuitem', { name: 'Import from Letterboxd…' }).click()
  const letterboxd = page.getByRole('dialog', { name: 'Import from Letterboxd' })
  await letterboxd.getByRole('button', { name: 'Import' }).click()
  await expect(letterboxd.getByRole('alert')).toContainText('Choose reviews.csv or diary.csv')
  await expectClean(page, 'dialog[open]')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Blogs' }).click()
  const blogs = page.getByRole('dialog', { name: 'Blogs' })
  await expect(blogs).toBeVisible()
  await expectClean(page, 'dialog[open]')
  await blogs.getByRole('button', { name: 'Add blog' }).click()
  const form = page.getByRole('dialog', { name: 'Add blog' })
  await form.getByRole('button', { name: 'Add blog' }).click()
  await expect(form.getByRole('alert').first()).toContainText('Give the blog a name.')
  await expectClean(page, 'dialog[open]')
})

test('the editor with every critic block, the slash menu, a new score, Publish and Export', async ({ blankPage: page, host, libraryDir }) => {
  test.setTimeout(slow(300_000))
  await openBallerina(page, host, libraryDir)
  await expect(editorText(page).getByRole('group', { name: 'Overall Score', exact: true })).toBeVisible()
  await expect(editorText(page).getByText('The ending', { exact: true })).toBeVisible()
  await expect(editorText(page).getByText('The most playful film of the series.')).toBeVisible()
  await expect(editorText(page).getByRole('img', { name: 'Eve on a frozen lake' })).toBeVisible()
  await expectClean(page)

  // A new, empty score widget, and the slash menu open below it.
  await caretAtEnd(editorText(page).getByText('Text with', { exact: true }))
  await page.keyboard.press('Enter')
  await page.keyboard.press('ControlOrMeta+Shift+S')
  await expect(editorText(page).getByRole('group', { name: /Score/ })).toHaveCount(2)
  await caretAtEnd(editorText(page).getByText('Text with', { exact: true }))
  await page.keyboard.press('Enter')
  await page.keyboard.type('/')
  await expect(page.getByRole('listbox', { name: 'Insert a block' })).toBeVisible()
  await expectClean(page)
  await page.keyboard.press('Escape')
  await page.keyboard.press('Backspace')

  // Focus mode: the dimmed text keeps its contrast, and the way out is a named button.
  await page.keyboard.press('ControlOrMeta+Shift+F')
  await expect(page.getByRole('button', { name: 'Leave focus mode' })).toBeVisible()
  await expectClean(page)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('banner')).toBeVisible()

  await page.getByRole('banner').getByRole('button', { name: 'Publish' }).click()
  const publish = page.getByRole('dialog', { name: /^Publish “/ })
  await expect(publish).toBeVisible()
  await expectClean(page, 'dialog[open]')
  await page.keyboard.press('Escape')
  await expect(publish).toBeHidden()

  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('dialog', { name: /^Export “/ })).toBeVisible()
  await expectClean(page, 'dialog[open]')
})

test('the preview pane and each theme’s reader page', async ({ blankPage: page, host, libraryDir, context }) => {
  test.setTimeout(slow(300_000))
  await openBallerina(page, host, libraryDir)
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const pane = page.getByRole('region', { name: 'Layout preview' })
  const frame = page.getByTitle('Preview', { exact: true })
  // The pane and the reader pages in the app's and the preview's light colours, then in dark.
  for (const colorScheme of ['light', 'dark'] as const) {
    await useScheme(page, colorScheme)
    await pane.getByRole('radiogroup', { name: 'Colours' }).getByRole('radio', { name: colorScheme === 'dark' ? 'Dark' : 'Light' }).check()
    await expect(frame.contentFrame().locator('html')).toHaveAttribute('data-color-scheme', colorScheme)
    expect(await findings(page), `${colorScheme} colours`).toEqual([])

    for (const theme of ['classic', 'magazine', 'minimal']) {
      await pane.getByLabel('Theme').selectOption(theme)
      await expect(frame.contentFrame().locator('html')).toHaveAttribute('data-theme', theme)
      // The page the frame shows, at its own address, as a tab of its own.
      const reader = await context.newPage()
      await reader.emulateMedia({ colorScheme })
      await reader.goto(new URL((await frame.getAttribute('src'))!, page.url()).href)
      await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Ballerina')
      // The kind once, then the first tag that is not the kind again.
      await expect(reader.getByText('Film review · action', { exact: true })).toBeVisible()
      expect(await findings(reader), `${theme} theme, ${colorScheme} colours`).toEqual([])
      // The page is styled by its theme (a blocked stylesheet would leave the browser's defaults).
      expect(await reader.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--font-body'))).not.toBe('')
      await reader.close()
    }
  }
})
