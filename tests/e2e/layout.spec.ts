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
  test(`the long-title review fits ${size.width}×${size.height}, preview closed and open (and its screenshot)`, async ({ blankPage: page, host, libraryDir }) => {
    expect(TITLE).toHaveLength(105)
    await mkdir(join(libraryDir, 'ballerina'), { recursive: true })
    await writeFile(join(libraryDir, 'ballerina', 'review.md'), `---\ntitle: "${TITLE}"\nauthor: Ana Critic\nstatus: draft\n---\n\nA stylish, bruising spin-off.\n`)
    await page.setViewportSize(size)
    await page.goto(host.url)
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

test('the preview pane is resized with its splitter, by keyboard and by mouse; the text keeps its width; the width is kept', async ({ blankPage: page, host, libraryDir }) => {
  await mkdir(join(libraryDir, 'ballerina'), { recursive: true })
  await writeFile(join(libraryDir, 'ballerina', 'review.md'), `---\ntitle: Ballerina\nstatus: draft\n---\n\nA stylish, bruising spin-off.\n`)
  await page.goto(host.url)
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Ballerina', exact: true }).getByRole('button', { name: 'Open' }).click()
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  const pane = page.getByRole('region', { name: 'Layout preview' })
  const splitter = page.getByRole('separator', { name: 'Preview width' })
  const text = page.getByRole('textbox', { name: 'Review text' })
  const width = async () => Math.round((await pane.boundingBox())!.width)
  const start = await width()
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start))

  // Keyboard: a step wider, then the narrowest, then the widest the text allows.
  await splitter.focus()
  await page.keyboard.press('ArrowLeft')
  await expect.poll(width).toBe(start + 24)
  await page.keyboard.press('End')
  await expect.poll(width).toBe(320)
  await expect(splitter).toHaveAttribute('aria-valuenow', '320')
  await page.keyboard.press('Home')
  await expect.poll(async () => Math.round((await page.getByRole('main').boundingBox())!.width)).toBe(400)
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  expect((await text.boundingBox())!.width).toBeGreaterThan(300)

  // Mouse: dragged to 500 px from the window's right edge.
  const bar = (await splitter.boundingBox())!
  const paneRight = (await pane.boundingBox())!.x + (await pane.boundingBox())!.width
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2)
  await page.mouse.down()
  await page.mouse.move(paneRight - 500, bar.y + bar.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect.poll(width).toBe(500)

  // A narrower window: the pane gives way, the text keeps its minimum.
  await page.setViewportSize({ width: 880, height: 560 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await expect.poll(async () => Math.round((await page.getByRole('main').boundingBox())!.width)).toBeGreaterThanOrEqual(400)

  // Kept in the settings: the next start opens the pane as wide.
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.reload()
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  await expect.poll(width).toBe(500)
})

test('zoomed in or narrow, the header keeps Publish and Preview on screen and the rest in a More menu', async ({ blankPage: page, host, libraryDir }) => {
  await mkdir(join(libraryDir, 'ballerina'), { recursive: true })
  await writeFile(join(libraryDir, 'ballerina', 'review.md'), `---\ntitle: "${TITLE}"\nstatus: draft\n---\n\nA stylish, bruising spin-off.\n`)
  // The smallest window (880 px) at 125% zoom.
  await page.setViewportSize({ width: 704, height: 560 })
  await page.goto(host.url)
  await page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: TITLE, exact: true }).getByRole('button', { name: 'Open' }).click()
  const header = page.getByRole('banner')
  for (const name of ['Publish', 'Preview', 'More actions']) await expect(header.getByRole('button', { name, exact: true }), name).toBeInViewport({ ratio: 1 })
  await expect(header.getByRole('button', { name: 'Export…', exact: true })).toBeHidden()
  await expect(header.getByRole('button', { name: 'History', exact: true })).toBeHidden()
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)

  // By keyboard: the menu opens on the first item; Escape gives the focus back.
  const more = header.getByRole('button', { name: 'More actions' })
  await more.focus()
  await page.keyboard.press('ArrowDown')
  const menu = page.getByRole('menu', { name: 'More actions' })
  await expect(menu.getByRole('menuitem', { name: 'History' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(more).toBeFocused()

  await more.click()
  await menu.getByRole('menuitem', { name: 'Export…' }).click()
  await expect(page.getByRole('dialog', { name: /Export/ })).toBeVisible()
  await page.keyboard.press('Escape')
  await more.click()
  await menu.getByRole('menuitem', { name: 'History' }).click()
  await expect(page.getByRole('region', { name: 'History' })).toBeVisible()

  // Wide again: the buttons are back and the menu button is gone.
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect(header.getByRole('button', { name: 'Export…', exact: true })).toBeInViewport({ ratio: 1 })
  await expect(more).toBeHidden()
})

test('the library header keeps its search, order and actions on one row at 1024 and 1280 px', async ({ page, libraryDir }) => {
  await mkdir(join(libraryDir, 'ballerina'), { recursive: true })
  await writeFile(join(libraryDir, 'ballerina', 'review.md'), `---\ntitle: Ballerina\nstatus: draft\n---\n\nA stylish, bruising spin-off.\n`)
  const controls = [
    page.getByRole('searchbox', { name: 'Search reviews' }),
    page.getByRole('combobox', { name: 'Sort by' }),
    page.getByRole('button', { name: 'Archive', exact: true }),
    page.getByRole('button', { name: 'Import & export' }),
    page.getByRole('button', { name: 'New review' }),
  ]
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.reload()
    await expect(page.getByRole('list', { name: 'Reviews' }).getByRole('listitem', { name: 'Ballerina', exact: true })).toBeVisible()
    const tops = []
    for (const control of controls) {
      await expect(control, `${size.width} px`).toBeInViewport({ ratio: 1 })
      const box = (await control.boundingBox())!
      tops.push(box.y + box.height / 2)
    }
    // One row: every control's middle within a few pixels of the others'.
    expect(Math.max(...tops) - Math.min(...tops), `${size.width} px`).toBeLessThanOrEqual(4)
  }
})
