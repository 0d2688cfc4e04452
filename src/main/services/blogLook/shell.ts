/**
 * A blog's page made into a shell for the preview: parsed with parse5 (hast-util-from-html), every
 * active part removed (scripts, handlers, frames, `javascript:` links, preloads), and the
 * stylesheets of the blog's own origin inlined with what they `@import` and the fonts and images
 * they use (as data: URLs), so the page shows in the sandboxed frame as the blog styles it, in its
 * own fonts, without fetching anything from there again.
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
  /** How many stylesheets are fetched (`@import`ed ones too). */
  sheets: 40,
  /** Each font or image a stylesheet uses. */
  assetBytes: 1024 * 1024,
  /** All of them together. */
  totalAssetBytes: 8 * 1024 * 1024,
  /** How many are fetched. */
  assets: 80,
}

/** A reply of the blog: its bytes and their type (`font/woff2`, without parameters). */
export interface Fetched {
  bytes: Uint8Array
  type: string
}

/** What a stylesheet may bring in as a data: URL: fonts (by their registered and their old types) and images. */
const ASSET_TYPE = /^(font\/[\w.+-]+|image\/[\w.+-]+|application\/(font-woff2?|x-font-woff|x-font-ttf|x-font-otf|x-font-opentype|font-sfnt|vnd\.ms-fontobject))$/

/** Elements that run, load or embed something; none of them is part of how the page looks. */
const REMOVED = new Set(['script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'template', 'portal', 'audio', 'video'])

export interface ShellResult {
  html: string
  /** What was left out and why (a stylesheet of another origin, one too large…), for the log. */
  skipped: string[]
}

/**
 * The cleaned page with its stylesheets inlined. `load` fetches one file of the page's origin (the
 * caller enforces limits, timeouts and the origin again); a failure leaves that file out.
 */
export async function makeShell(html: string, pageUrl: string, load: (url: string, maxBytes: number) => Promise<Fetched>): Promise<ShellResult> {
  const tree = fromHtml(html)
  const origin = new URL(pageUrl).origin
  const skipped: string[] = []
  strip(tree)
  const inliner = new SheetInliner(origin, load, skipped)
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
    const css = await inliner.sheet(url)
    const media = typeof link.properties['media'] === 'string' ? link.properties['media'] : ''
    replaceWith(tree, link, css === undefined ? [] : [styleElement(css, media)])
  }
  for (const style of selectAll('style', tree)) {
    const text = style.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
    style.children = [{ type: 'text', value: await inliner.inline(text, pageUrl) }]
  }
  return { html: toHtml(tree), skipped }
}

/**
 * Fetches stylesheets, what they `@import` and the fonts and images they use, within SHELL_LIMITS,
 * from the blog's origin only (the stylesheets' own, as only its sheets are taken); each file once.
 */
class SheetInliner {
  private sheets = 0
  private sheetBudget = SHELL_LIMITS.totalSheetBytes
  private assetBudget = SHELL_LIMITS.totalAssetBytes
  private readonly assets = new Map<string, Promise<string | undefined>>()

  constructor(
    private readonly origin: string,
    private readonly load: (url: string, maxBytes: number) => Promise<Fetched>,
    private readonly skipped: string[],
  ) {}

  /** The stylesheet at `url`, self-contained; undefined when it is left out (why is in `skipped`). */
  async sheet(url: string): Promise<string | undefined> {
    if (++this.sheets > SHELL_LIMITS.sheets) return this.skip(url, `more than ${SHELL_LIMITS.sheets} stylesheets`)
    try {
      const { bytes } = await this.load(url, Math.min(SHELL_LIMITS.sheetBytes, this.sheetBudget))
      this.sheetBudget -= bytes.byteLength
      return await this.inline(Buffer.from(bytes).toString('utf8'), url)
    } catch (error) {
      return this.skip(url, error instanceof Error ? error.message : String(error))
    }
  }

  /** The CSS with its `@import`s in place and its fonts and images as data: URLs (others absolute). */
  async inline(css: string, base: string): Promise<string> {
    const imported = await replaceAsync(css, IMPORT, async (whole, ...groups: string[]) => {
      const [, inUrl, , quoted, media] = groups
      const href = inUrl || quoted || ''
      const url = absolute(href, base)
      if (!url || new URL(url).origin !== this.origin) return this.skip(href || whole, "not of the blog's own origin") ?? ''
      const sheet = await this.sheet(url)
      return sheet === undefined ? '' : media?.trim() ? `@media ${media.trim()} {\n${sheet}\n}` : sheet
    })
    return replaceAsync(imported, URL_REF, async (whole, quote: string, ref: string) => {
      if (/^(data:|#)/i.test(ref)) return whole
      const url = absolute(ref, base)
      if (!url) return whole
      const inlined = new URL(url).origin === this.origin ? await this.asset(url) : undefined
      return `url(${quote}${inlined ?? url}${quote})`
    })
  }

  /** A font or image of the blog as a data: URL, or undefined (left out: the preview's policy loads no other). */
  private asset(url: string): Promise<string | undefined> {
    const known = this.assets.get(url)
    if (known) return known
    const fetched = (async () => {
      if (this.assets.size > SHELL_LIMITS.assets) return this.skip(url, `more than ${SHELL_LIMITS.assets} fonts and images`)
      try {
        const { bytes, type } = await this.load(url, Math.min(SHELL_LIMITS.assetBytes, this.assetBudget))
        if (!ASSET_TYPE.test(type)) return this.skip(url, `${type || 'no type'} is not a font or an image`)
        this.assetBudget -= bytes.byteLength
        return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`
      } catch (error) {
        return this.skip(url, error instanceof Error ? error.message : String(error))
      }
    })()
    this.assets.set(url, fetched)
    return fetched
  }

  private skip(what: string, why: string): undefined {
    this.skipped.push(`${what}: ${why}`)
    return undefined
  }
}

/** `@import url(x) media;` or `@import "x" media;`. */
const IMPORT = /@import\s+(?:url\(\s*(['"]?)([^'")]+)\1\s*\)|(['"])([^'"]+)\3)\s*([^;]*);/gi
const URL_REF = /url\(\s*(['"]?)([^'")]+)\1\s*\)/gi

/** `text.replace` with an async replacer, the matches handled one after another (they share budgets). */
async function replaceAsync(text: string, pattern: RegExp, replacer: (whole: string, ...groups: string[]) => Promise<string>): Promise<string> {
  let result = ''
  let last = 0
  for (const match of text.matchAll(pattern)) {
    result += text.slice(last, match.index) + (await replacer(match[0], ...match.slice(1).map((group) => group ?? '')))
    last = match.index + match[0].length
  }
  return result + text.slice(last)
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
