/** A blog's public pages as a reader's browser gets them (no test runner's imports: Playwright and vitest share it). */

export interface Page {
  status: number
  html: string
  /** What a reader reads: styles and scripts left out, tags removed, numeric entities decoded, white space folded. */
  text: string
}

export async function page(url: string): Promise<Page> {
  const response = await fetch(url)
  const html = await response.text()
  const text = html
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\s+/g, ' ')
  return { status: response.status, html, text }
}

/** Every JSON-LD block of the page, in order. */
export function jsonLdBlocks(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1] ?? '') as Record<string, unknown>)
}

/** The page's first JSON-LD block, if it has one. */
export function jsonLdOf(html: string): unknown {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)
  return match ? JSON.parse(match[1] ?? '') : undefined
}
