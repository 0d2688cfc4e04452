/**
 * `PdfPrinter` on a headless Chromium driven by Playwright — for the tests and the browser-hosted
 * version of the app (the Electron app prints with `webContents.printToPDF` instead).
 *
 * The page is printed with JavaScript disabled and every network request refused: the HTML is
 * self-contained (data: images), and an exported review must not phone anywhere while printing.
 */
import type { Browser } from 'playwright'
import type { PdfOptions, PdfPrinter } from './pdf'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export interface ChromiumPrinterOptions {
  /** Defaults to `PW_CHROMIUM_PATH`, else /usr/bin/chromium. */
  executablePath?: string
  args?: string[]
  /** Per print. */
  timeoutMs?: number
}

export class ChromiumPrinter implements PdfPrinter {
  private browser: Promise<Browser> | undefined

  constructor(private readonly options: ChromiumPrinterOptions = {}) {}

  async print(html: string, options: PdfOptions): Promise<Uint8Array> {
    const browser = await this.launch()
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    try {
      await context.route('**/*', (route) => route.abort())
      const page = await context.newPage()
      const timeout = this.options.timeoutMs ?? 30_000
      page.setDefaultTimeout(timeout)
      await page.setContent(html, { waitUntil: 'load', timeout })
      await page.emulateMedia({ media: 'print' })
      const margin = `${options.marginsMm}mm`
      const pdf = await page.pdf({
        format: options.pageSize,
        margin: { top: margin, right: margin, bottom: margin, left: margin },
        printBackground: true,
      })
      return new Uint8Array(pdf)
    } finally {
      await context.close()
    }
  }

  async close(): Promise<void> {
    const browser = this.browser
    this.browser = undefined
    if (browser) await (await browser).close()
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const executablePath = this.options.executablePath ?? process.env['PW_CHROMIUM_PATH'] ?? '/usr/bin/chromium'
      // Loaded on first use: playwright is a development dependency, absent from the packaged app.
      this.browser = import('playwright').then(({ chromium }) => chromium.launch({ executablePath, args: this.options.args ?? CHROMIUM_ARGS }))
      this.browser.catch(() => (this.browser = undefined))
    }
    return this.browser
  }
}

export function createChromiumPrinter(options?: ChromiumPrinterOptions): ChromiumPrinter {
  return new ChromiumPrinter(options)
}
