/** A blog's public pages and images as a reader's browser gets them. */
import { expect } from 'vitest'

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

/** The blog serves the image at `url` as the PNG it was sent, byte for byte. */
export async function expectServedAsSent(url: string, bytes: Uint8Array): Promise<void> {
  const response = await fetch(url)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('image/png')
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)
}
