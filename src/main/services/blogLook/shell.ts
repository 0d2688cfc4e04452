/**
 * A blog's page made into a shell for the preview: parsed with parse5 (hast-util-from-html), every
 * active part removed (scripts, handlers, frames, `javascript:` links, preloads), and the
 * stylesheets of the blog's own origin inlined, so the page shows in the sandboxed frame as the
 * blog styles it, without fetching anything from there again.
 */
import type { Element, Root, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { selectAll } from 'hast-util-select'
import { toHtml } from 'hast-util-to-html'

/** Limits of what a shell may hold; a stylesheet over them is left out (the page keeps the rest). */
export const SHELL_LIMITS = {
  /** The page's HTML. */
  pageBytes: 2 * 1024 * 1024,
  /** Each stylesheet. */
  sheetBytes: 1024 * 1024,
  /** All stylesheets together. */
  totalSheetBytes: 4 * 1024 * 1024,
  /** How many stylesheets are fetched. */
  sheets: 40,
}

/** Elements that run, load or embed something; none of them is part of how the page looks. */
const REMOVED = new Set(['script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'template', 'portal', 'audio', 'video'])

export interface ShellResult {
  html: string
  /** What was left out and why (a stylesheet of another origin, one too large…), for the log. */
  skipped: string[]
}

/**
 * The cleaned page with its stylesheets inlined. `loadCss` fetches one stylesheet of the page's
 * origin (the caller enforces limits, timeouts and the origin again); a failure leaves that sheet out.
 */
export async function makeShell(html: string, pageUrl: string, loadCss: (url: string, maxBytes: number) => Promise<string>): Promise<ShellResult> {
  const tree = fromHtml(html)
  const origin = new URL(pageUrl).origin
  const skipped: string[] = []
  strip(tree)
  let budget = SHELL_LIMITS.totalSheetBytes
  let count = 0
  for (const link of selectAll('link', tree)) {
    const rel = relOf(link)
    if (!rel.includes('stylesheet') || rel.includes('alternate')) {
      replaceWith(tree, link, [])
      continue
    }
    const href = typeof link.properties['href'] === 'string' ? link.properties['href'] : ''
    const url = absolute(href, pageUrl)
    if (!url || new URL(url).origin !== origin) {
      skipped.push(`${href || 'a stylesheet without an address'}: not of the blog's own origin`)
      replaceWith(tree, link, [])
      continue
    }
    if (++count > SHELL_LIMITS.sheets) {
      skipped.push(`${url}: more than ${SHELL_LIMITS.sheets} stylesheets`)
      replaceWith(tree, link, [])
      continue
    }
    let css: string
    try {
      css = await loadCss(url, Math.min(SHELL_LIMITS.sheetBytes, budget))
    } catch (error) {
      skipped.push(`${url}: ${error instanceof Error ? error.message : String(error)}`)
      replaceWith(tree, link, [])
      continue
    }
    budget -= Buffer.byteLength(css)
    const media = typeof link.properties['media'] === 'string' ? link.properties['media'] : ''
    replaceWith(tree, link, [styleElement(absoluteUrls(css, url), media)])
  }
  for (const style of selectAll('style', tree)) {
    const text = style.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
    style.children = [{ type: 'text', value: absoluteUrls(text, pageUrl) }]
  }
  return { html: toHtml(tree), skipped }
}

/** Removes what runs or embeds, event handlers and script URLs, and meta refreshes, everywhere in the tree. */
function strip(node: Root | Element): void {
  node.children = node.children.filter((child) => {
    if (child.type === 'comment' || child.type === 'doctype') return child.type === 'doctype'
    if (child.type !== 'element') return true
    if (REMOVED.has(child.tagName)) return false
    if (child.tagName === 'meta' && (child.properties['httpEquiv'] !== undefined || child.properties['charSet'] === undefined)) return false
    for (const name of Object.keys(child.properties)) {
      const value = child.properties[name]
      if (/^on/i.test(name) || (typeof value === 'string' && /^\s*(javascript|vbscript|data):/i.test(value) && name !== 'src')) delete child.properties[name]
    }
    // Lazy loaders keep the real address in data-src and srcset; the frame loads none of the blog's images anyway.
    delete child.properties['srcSet']
    delete child.properties['sizes']
    if (child.tagName === 'form') child.properties['action'] = '#'
    strip(child)
    return true
  })
}

function relOf(link: Element): string[] {
  const rel = link.properties['rel']
  return Array.isArray(rel) ? rel.map((value) => String(value).toLowerCase()) : []
}

function styleElement(css: string, media: string): Element {
  return { type: 'element', tagName: 'style', properties: media && media !== 'all' ? { media } : {}, children: [{ type: 'text', value: css }] }
}

/** Replaces `target` (wherever it is in the tree) by `nodes`. */
export function replaceWith(tree: Root | Element, target: Element, nodes: RootContent[]): boolean {
  const index = tree.children.indexOf(target as RootContent & Element)
  if (index >= 0) {
    tree.children.splice(index, 1, ...(nodes as typeof tree.children))
    return true
  }
  return tree.children.some((child) => child.type === 'element' && replaceWith(child, target, nodes))
}

function absolute(href: string, base: string): string | undefined {
  try {
    const url = new URL(href, base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/**
 * The sheet's relative `url(…)`s made absolute: inlined, it no longer sits at its own address. (The
 * preview's policy loads none of them, but they then name the blog's files, not the app's.)
 */
function absoluteUrls(css: string, base: string): string {
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi, (whole, quote: string, ref: string) => {
    if (/^(data|https?):|^#/i.test(ref)) return whole
    const url = absolute(ref, base)
    return url ? `url(${quote}${url}${quote})` : whole
  })
}
