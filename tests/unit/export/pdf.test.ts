import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ChromiumPrinter, exportPdf, loadReviewSource, loadTheme } from '../../../src/main/services/export'
import { readPdf, pdfText as text } from '../../support/pdf'
import { STYLE_DIRS } from '../pipeline/renderFixtures'
import { hashTree, tempDir, tempLibrary } from '../../support/tempLibrary'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

let printer: ChromiumPrinter
beforeAll(() => {
  printer = new ChromiumPrinter()
})
afterAll(async () => {
  await printer.close()
})

/** Whether every page is `width` × `height` points (A4 595 × 842, Letter 612 × 792), give or take Chromium's rounding to its own units. */
const pagesAre = async (file: string, width: number, height: number) =>
  (await readPdf(file)).every((page) => Math.abs(page.width - width) <= 2 && Math.abs(page.height - height) <= 2)

describe('PDF export', () => {
  it('prints title, score, credit and (expanded) spoilers, and leaves the review alone', async () => {
    const lib = await tempLibrary(['ballerina'])
    const out = await tempDir()
    cleanups.push(lib.cleanup, out.cleanup)
    const before = await hashTree(join(lib.root, 'ballerina'))
    const dest = join(out.dir, 'ballerina.pdf')
    await exportPdf(await loadReviewSource(lib.library, 'ballerina'), dest, printer, { theme: await loadTheme(STYLE_DIRS, 'magazine'), pageSize: 'A4', marginsMm: 15 })
    const bytes = await readFile(dest)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const content = await text(dest)
    expect(content).toContain('Ballerina')
    expect(content).toMatch(/9\.5\s*\/10/)
    expect(content).toMatch(/Image: Lionsgate/i)
    expect(content).toContain('flamethrower duel') // spoilers are open on paper
    expect(content).toContain('https://www.youtube.com/watch?v=0FSwsrFpkbw') // the trailer as a link card
    expect(await pagesAre(dest, 595, 842)).toBe(true)
    expect(await hashTree(join(lib.root, 'ballerina'))).toEqual(before)
  })

  it('prints on Letter paper, with letter grades and star scores', async () => {
    const lib = await tempLibrary(['piranesi', 'blue-rev'])
    const out = await tempDir()
    cleanups.push(lib.cleanup, out.cleanup)
    const theme = await loadTheme(STYLE_DIRS, 'minimal')
    const book = join(out.dir, 'piranesi.pdf')
    await exportPdf(await loadReviewSource(lib.library, 'piranesi'), book, printer, { theme, pageSize: 'Letter', marginsMm: 25 })
    expect(await pagesAre(book, 612, 792)).toBe(true)
    expect(await text(book)).toMatch(/Grade:? A-/i)
    expect(await text(book)).toMatch(/Illustration: Verdict/i)
    const album = join(out.dir, 'blue-rev.pdf')
    await exportPdf(await loadReviewSource(lib.library, 'blue-rev'), album, printer, { theme })
    expect(await text(album)).toMatch(/4\.5\s*\/5/)
  })
})
