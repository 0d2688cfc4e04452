/**
 * A real review's long title (105 characters) at the smallest supported window and a common one,
 * with the preview closed and open: nothing is wider than the window, Publish stays on screen, the
 * header title is cut with the whole title in its tooltip, and the Title field shows all of it.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, screenshotPath, test } from './fixtures'

const TITLE = '‘Ballerina’ Review: Ana de Armas\'s Balletic Assassin Caper Is the John Wick Spin-Off That Earns Its Place'

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
]

for (const size of SIZES) {
  test(`the long-title review fits ${size.width}×${size.height}, preview closed and open (and its screenshot)`, async ({ page, libraryDir }) => {
    expect(TITLE).toHaveLength(105)
    await mkdir(join(libraryDir, 'ballerina'), { recursive: true })
    await writeFile(join(libraryDir, 'ballerina', 'review.md'), `---\ntitle: "${TITLE}"\nauthor: Ana Critic\nstatus: draft\n---\n\nA stylish, bruising spin-off.\n`)
    await page.setViewportSize(size)
    await page.reload()
    await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: TITLE, exact: true }).getByRole('button', { name: 'Open' }).click()
    const title = page.getByRole('textbox', { name: 'Title', exact: true })
    await expect(title).toHaveValue(TITLE)

    const heading = page.getByRole('banner').getByRole('heading', { level: 1 })
    await expect(heading).toHaveAttribute('title', TITLE)
    for (const preview of [false, true]) {
      if (preview) {
        await page.getByRole('button', { name: 'Preview', exact: true }).click()
        await expect(page.getByTitle('Preview', { exact: true }).contentFrame().getByRole('heading', { level: 1 })).toHaveText(TITLE)
      }
      const state = `${size.width}×${size.height}, preview ${preview ? 'open' : 'closed'}`
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), state).toBe(true)
      for (const name of ['Publish', 'Export…', 'Preview']) {
        const button = page.getByRole('banner').getByRole('button', { name, exact: true })
        await expect(button, `${name}, ${state}`).toBeInViewport({ ratio: 1 })
        const box = (await button.boundingBox())!
        expect(box.x + box.width, `${name}, ${state}`).toBeLessThanOrEqual(size.width)
      }
      // The header's title is cut, not the buttons.
      expect(await heading.evaluate((element) => element.scrollWidth > element.clientWidth), state).toBe(true)
      // The Title field wraps: all of the title is shown, nothing scrolls inside it.
      expect(await title.evaluate((element) => element.scrollHeight <= element.clientHeight + 1 && element.scrollWidth <= element.clientWidth + 1), state).toBe(true)
      // The text keeps a usable width.
      const text = (await page.getByRole('textbox', { name: 'Review text' }).boundingBox())!
      expect(text.width, state).toBeGreaterThanOrEqual(320)
      if (size.width === 1280 && preview) await page.screenshot({ path: screenshotPath('long-title-preview.png') })
    }
  })
}
