import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ChromiumPrinter, exportPdf, loadReviewSource, loadTheme } from '../../../src/main/services/export'
import { THEMES_DIR } from '../pipeline/helpers'
import { hashTree, tempDir, tempLibrary } from './helpers'

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

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
const info = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' })

describe('PDF export', () => {
  it('prints title, score, credit and (expanded) spoilers, and leaves the review alone', async () => {
    const lib = await tempLibrary(['ballerina'])
    const out = await tempDir()
    cleanups.push(lib.cleanup, out.cleanup)
    const before = await hashTree(join(lib.root, 'ballerina'))
    const dest = join(out.dir, 'ballerina.pdf')
    await exportPdf(await loadReviewSource(lib.library, 'ballerina'), dest, printer, { theme: await loadTheme(THEMES_DIR, 'magazine'), pageSize: 'A4', marginsMm: 15 })
    const bytes = await readFile(dest)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const content = text(dest)
    expect(content).toContain('Ballerina')
    expect(content).toMatch(/9\.5\s*\/10/)
    expect(content).toMatch(/Image: Lionsgate/i)
    expect(content).toContain('flamethrower duel') // spoilers are open on paper
    expect(content).toContain('https://www.youtube.com/watch?v=0FSwsrFpkbw') // the trailer as a link card
    expect(info(dest)).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/)
    expect(await hashTree(join(lib.root, 'ballerina'))).toEqual(before)
  })

  it('prints on Letter paper, with letter grades and star scores', async () => {
    const lib = await tempLibrary(['piranesi', 'blue-rev'])
    const out = await tempDir()
    cleanups.push(lib.cleanup, out.cleanup)
    const theme = await loadTheme(THEMES_DIR, 'minimal')
    const book = join(out.dir, 'piranesi.pdf')
    await exportPdf(await loadReviewSource(lib.library, 'piranesi'), book, printer, { theme, pageSize: 'Letter', marginsMm: 25 })
    expect(info(book)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)
    expect(text(book)).toMatch(/Grade:? A-/i)
    expect(text(book)).toMatch(/Illustration: Verdict/i)
    const album = join(out.dir, 'blue-rev.pdf')
    await exportPdf(await loadReviewSource(lib.library, 'blue-rev'), album, printer, { theme })
    expect(text(album)).toMatch(/4\.5\s*\/5/)
  })
})
