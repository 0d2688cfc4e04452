/**
 * The preview's pages, served at an address of the app's own origin instead of written into a
 * `srcdoc` frame. A srcdoc document inherits the window's content security policy, so the page's
 * inline theme `<style>` forced `style-src 'unsafe-inline'` on the whole app; a page loaded from an
 * address has only its own policy (the blog page's, which allows that one style by its hash).
 */
import { randomUUID } from 'node:crypto'
import type { PiecesPatch, PreviewPatch } from '../../../shared/contract'

/** Where preview pages live, under the renderer's origin (app:// in the window, the browser mode's server). */
export const PREVIEW_PATH = '/__preview/'

/**
 * How many pages stay servable: the frame may still be loading the one before the newest while the
 * critic types, and a few more cover the preview being re-rendered for a new theme or width.
 */
const KEPT = 4

/** A preview page as the pipeline made it (renderPageShell): its fixed parts, the head's elements and the body's blocks. */
export interface PreviewPageParts {
  shell: [start: string, middle: string, end: string]
  head: string[]
  blocks: string[]
}

export class PreviewPages {
  private readonly pages = new Map<string, string | PreviewPageParts>()

  /** Keeps the page under a new unguessable address (a path of the app's origin) and forgets the oldest. */
  put(page: string | PreviewPageParts): string {
    const path = `${PREVIEW_PATH}${randomUUID()}.html`
    this.pages.set(path, page)
    for (const old of this.pages.keys()) {
      if (this.pages.size <= KEPT) break
      this.pages.delete(old)
    }
    return path
  }

  /** The page at `pathname`, or undefined once it was forgotten (or never was). */
  get(pathname: string): string | undefined {
    const page = this.pages.get(pathname)
    if (typeof page !== 'object') return page
    const [start, middle, end] = page.shell
    return start + page.head.join('') + middle + page.blocks.join('') + end
  }

  /**
   * What turns the page at `from` (which the frame shows) into `to`, when only elements of the head
   * and blocks of the body differ: the frame is patched instead of loading a whole new page.
   * Undefined when a fixed part differs (the header: title, reading time…; the policy) or `from` is
   * forgotten.
   */
  patch(from: string, to: PreviewPageParts): PreviewPatch | undefined {
    const shown = this.pages.get(from)
    if (typeof shown !== 'object' || shown.shell.some((part, index) => part !== to.shell[index])) return undefined
    return { from, head: changed(shown.head, to.head), body: changed(shown.blocks, to.blocks) }
  }
}

/** The run of `now` that differs from `old`, between their common start and common end. */
function changed(old: string[], now: string[]): PiecesPatch {
  let start = 0
  while (start < old.length && start < now.length && old[start] === now[start]) start++
  let end = 0
  while (end < old.length - start && end < now.length - start && old[old.length - 1 - end] === now[now.length - 1 - end]) end++
  return { pieces: old.length, start, removed: old.length - start - end, insert: now.slice(start, now.length - end) }
}

/**
 * Headers for a preview page: its own policy rides in the page's meta tag; this adds that only the
 * app may frame it (the app's other files may not be framed at all).
 */
export const PREVIEW_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}
