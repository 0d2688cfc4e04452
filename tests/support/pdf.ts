// Reads back what a PDF export holds, with pdf.js (the field's standard reader, pure JavaScript):
// the suites need no system program such as poppler's pdftotext, on any OS.
import { readFile } from 'node:fs/promises'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface PdfPage {
  /** Size in PostScript points (1/72 in), rounded. */
  width: number
  height: number
  text: string
}

export async function readPdf(file: string): Promise<PdfPage[]> {
  const data = new Uint8Array(await readFile(file))
  const document = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: PdfPage[] = []
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view
      const content = await page.getTextContent()
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')
      pages.push({ width: Math.round(x1 - x0), height: Math.round(y1 - y0), text })
    }
    return pages
  } finally {
    await document.destroy()
  }
}

/** The whole document's text with white space folded to single spaces, as a reader would search it. */
export async function pdfText(file: string): Promise<string> {
  return (await readPdf(file))
    .map((page) => page.text)
    .join('\n')
    .replace(/\s+/g, ' ')
}
