import { rm, writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow } from 'electron'
import type { PdfOptions, PdfPrinter } from './services/export'

/** PDF through Electron's printToPDF: an offscreen, script-less window prints the finished page. */
export class ElectronPrinter implements PdfPrinter {
  async print(html: string, { pageSize, marginsMm }: PdfOptions): Promise<Uint8Array> {
    const dir = await mkdtemp(join(tmpdir(), 'verdict-print-'))
    const file = join(dir, 'page.html')
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, offscreen: true },
    })
    try {
      await writeFile(file, html)
      await win.loadFile(file)
      const margin = marginsMm / 25.4 // printToPDF takes inches
      return await win.webContents.printToPDF({
        pageSize,
        printBackground: true,
        margins: { top: margin, bottom: margin, left: margin, right: margin },
      })
    } finally {
      win.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
