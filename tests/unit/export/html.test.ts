import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { fromHtml } from 'hast-util-from-html'
import type { Element, Nodes } from 'hast'
import { chromium, type Browser } from 'playwright'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, exportHtmlFile, exportHtmlFolder, loadReviewSource, loadTheme, loadUserCss } from '../../../src/main/services/export'
import { STYLE_DIRS, unsafeParts } from '../pipeline/renderFixtures'
import { hashTree, tempDir, tempLibrary } from '../../support/tempLibrary'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

let browser: Browser
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env['PW_CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
})
afterAll(async () => {
  await browser?.close()
})

function elements(html: string, tagName: string): Element[] {
  const found: Element[] = []
  const visit = (node: Nodes) => {
    if (node.type === 'element' && node.tagName === tagName) found.push(node)
    if ('children' in node) node.children.forEach((c) => visit(c as Nodes))
  }
  visit(fromHtml(html))
  return found
}

async function setup() {
  const lib = await tempLibrary(['ballerina', 'blue-rev'])
  const out = await tempDir()
  cleanups.push(lib.cleanup, out.cleanup)
  return { lib, out: out.dir, theme: await loadTheme(STYLE_DIRS, 'classic') }
}

/** Opens a page from disk with its CSP in force; returns the images' loaded widths. */
async function imageWidths(file: string): Promise<number[]> {
  const page = await browser.newPage()
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
  const widths = await page.$$eval('img', (imgs) => imgs.map((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
  const styled = await page.evaluate('getComputedStyle(document.body).borderTopWidth')
  await page.close()
  expect(violations).toEqual([])
  expect(styled).toBe('5px') // the classic theme's stylesheet applied under the CSP
  return widths
}

describe('HTML export', () => {
  it('writes one self-contained file with the images as data: URIs, and leaves the review alone', async () => {
    const { lib, out, theme } = await setup()
    const before = await hashTree(join(lib.root, 'ballerina'))
    const source = await loadReviewSource(lib.library, 'ballerina')
    const dest = join(out, 'ballerina.html')
    const result = await exportHtmlFile(source, dest, { theme })
    expect(result).toEqual({ path: dest, warnings: [] })
    const html = await readFile(dest, 'utf8')
    const images = elements(html, 'img')
    expect(images).toHaveLength(2)
    for (const img of images) expect(String(img.properties['src'])).toMatch(/^data:image\/png;base64,/)
    expect(html).not.toContain('verdict-asset:')
    expect(html).not.toContain('<iframe') // offline by default: a link card
    expect(elements(html, 'h1').map((h) => h.children.map((c) => (c.type === 'text' ? c.value : '')).join(''))).toEqual(['Ballerina'])
    expect(unsafeParts(html, 'document')).toEqual([])
    expect(await imageWidths(dest)).toEqual([960, 640])
    expect(await hashTree(join(lib.root, 'ballerina'))).toEqual(before)
  })

  it('writes a folder with index.html and images/, which load from disk under the CSP', async () => {
    const { lib, out, theme } = await setup()
    const before = await hashTree(join(lib.root, 'ballerina'))
    const dest = join(out, 'ballerina-site')
    await exportHtmlFolder(await loadReviewSource(lib.library, 'ballerina'), dest, { theme, colorScheme: 'dark' })
    expect((await readdir(dest)).sort()).toEqual(['images', 'index.html'])
    expect((await readdir(join(dest, 'images'))).sort()).toEqual(['10226545b9b4e8c3.png', 'c17fca0d1f85cbb4.png'])
    expect(await readFile(join(dest, 'images', 'c17fca0d1f85cbb4.png'))).toEqual(await readFile(join(lib.root, 'ballerina', 'assets', 'c17fca0d1f85cbb4.png')))
    const html = await readFile(join(dest, 'index.html'), 'utf8')
    expect(elements(html, 'img').map((img) => img.properties['src'])).toEqual(['images/c17fca0d1f85cbb4.png', 'images/10226545b9b4e8c3.png'])
    expect(html).toContain('data-color-scheme="dark"')
    expect(await imageWidths(join(dest, 'index.html'))).toEqual([960, 640])
    expect(await hashTree(join(lib.root, 'ballerina'))).toEqual(before)
  })

  it('appends the library stylesheet last', async () => {
    const { lib, out, theme } = await setup()
    await mkdir(join(lib.root, '.verdict'))
    await writeFile(join(lib.root, '.verdict', 'theme.css'), '.post-title { letter-spacing: 0.3em }')
    const userCss = await loadUserCss(lib.root)
    expect(userCss).toContain('letter-spacing')
    await exportHtmlFile(await loadReviewSource(lib.library, 'blue-rev'), join(out, 'b.html'), { theme, userCss })
    const html = await readFile(join(out, 'b.html'), 'utf8')
    expect(html.indexOf('.post-title { letter-spacing: 0.3em }')).toBeGreaterThan(html.indexOf('Theme: classic'))
    expect(await loadUserCss(out)).toBeUndefined()
  })

  it('leaves out images that are missing, not images, or symlinked out of the folder', async () => {
    const { lib, out, theme } = await setup()
    const dir = join(lib.root, 'blue-rev')
    await writeFile(join(dir, 'assets', 'fake.png'), '<svg onload="alert(1)"></svg>')
    const { symlink } = await import('node:fs/promises')
    await writeFile(join(out, 'outside.png'), await readFile(join(dir, 'assets', 'd5011a1ce2a4da2c.png')))
    await symlink(join(out, 'outside.png'), join(dir, 'assets', 'link.png'))
    const md = await readFile(join(dir, 'review.md'), 'utf8')
    await writeFile(join(dir, 'review.md'), `${md}\n![a](assets/fake.png) ![b](assets/link.png) ![c](assets/missing.png)\n`)
    const result = await exportHtmlFile(await loadReviewSource(lib.library, 'blue-rev'), join(out, 'x.html'), { theme })
    const html = await readFile(join(out, 'x.html'), 'utf8')
    expect(elements(html, 'img')).toHaveLength(1) // only the featured image
    expect(result.warnings.filter((w) => /is missing or is not an image/.test(w))).toHaveLength(3)
  })

  it('refuses to write into the review folder', async () => {
    const { lib, theme } = await setup()
    const source = await loadReviewSource(lib.library, 'ballerina')
    await expect(exportHtmlFile(source, join(lib.root, 'ballerina', 'page.html'), { theme })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await expect(exportHtmlFolder(source, join(lib.root, 'ballerina'), { theme })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
  })
})
