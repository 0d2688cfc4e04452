/**
 * The searchable text of one review, from its front matter and Markdown body, without the editor's
 * full parse: the full reader takes milliseconds per review, and a cold index of 10,000 reviews has
 * a few seconds. Markup is dropped by a line scan (what a reader sees stays: link text, alt text,
 * block labels, verdicts, pros and cons); the text is only searched and quoted, never written back.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { ReviewMeta } from '../../../shared/model'
import type { SearchField } from '../../../shared/search'
import { readFrontMatter, reviewText } from '../format/frontMatter'
import { metaFromYaml } from '../format/meta'
import { arrivingAs } from '../fs/syncTemp'
import { keyOf, sameKey, type FileKey } from '../fs/fileKey'

export type SearchText = Record<SearchField, string> & {
  /**
   * Where the body starts in the file's text (frontMatter.ts's `reviewText`), so a hit's sentence can
   * be taken from the body alone; absent when the text is not the file's front matter and body.
   */
  bodyAt?: number
}

/** The fields the index stores beside its words (MiniSearch's stored fields): the front matter's, and where the body starts. */
export const STORED_FIELDS = ['title', 'subject', 'tags', 'excerpt', 'bodyAt'] as const
export type StoredText = Pick<SearchText, (typeof STORED_FIELDS)[number]>

/** What the index holds of a review's file version: its key, and its stored fields. */
export interface IndexedVersion {
  key: FileKey
  stored: StoredText
}

/** The stored fields as MiniSearch gives them back (from the index file too); undefined unless whole. */
export function storedText(fields: Record<string, unknown> | undefined): StoredText | undefined {
  if (!fields) return undefined
  const { title, subject, tags, excerpt, bodyAt } = fields
  if (typeof title !== 'string' || typeof subject !== 'string' || typeof tags !== 'string' || typeof excerpt !== 'string') return undefined
  return { title, subject, tags, excerpt, ...(Number.isInteger(bodyAt) && Number(bodyAt) >= 0 ? { bodyAt: Number(bodyAt) } : {}) }
}

/** Where a review's file is, and the title it has when its front matter gives none (its folder's name). */
export interface ReviewPlace {
  path: string
  title: string
}

/**
 * What the search index holds of a review, read from its file; only its fallback title when the file
 * cannot be read as a review, and nothing when it is gone or a sync engine is still bringing it.
 * When the file is still the version the index read (`indexed`), its front matter's fields are the
 * index's and only the body is taken again: the YAML read was most of a search hit's time.
 */
export async function readSearchText(place: ReviewPlace, maxBytes: number, indexed?: IndexedVersion): Promise<SearchText | undefined> {
  let bytes: Buffer
  let key: FileKey
  try {
    // Read at once: this runs in the search thread, where the asynchronous read's hops through the
    // thread pool and its promise cost 3× the CPU time of the read (a cold index reads 10,000 files).
    const fd = openSync(place.path, 'r')
    try {
      key = keyOf(fstatSync(fd))
      bytes = readFileSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
  const titleOnly = searchText({ title: place.title, tags: [], excerpt: '' }, '')
  if (bytes.byteLength > maxBytes) return titleOnly
  try {
    const stored = indexed && sameKey(indexed.key, key) ? indexed.stored : undefined
    if (stored?.bodyAt !== undefined) return withBody(stored, reviewText(bytes).text.slice(stored.bodyAt), stored.bodyAt)
    const { data, body, head } = readFrontMatter(bytes)
    return searchText(metaFromYaml(data, { title: place.title, created: '', updated: '' }), body, head?.bodyStart ?? 0)
  } catch {
    const arriving = await readdir(dirname(place.path)).then((names) => arrivingAs(names, basename(place.path)), () => false)
    return arriving ? undefined : titleOnly
  }
}

/** `bodyAt`: where `body` starts in the file's text, when it is the file's. */
export function searchText(meta: Pick<ReviewMeta, 'title' | 'tags' | 'excerpt' | 'subject'>, body: string, bodyAt?: number): SearchText {
  const { subject } = meta
  const subjectText = subject
    ? [
        subject.title,
        subject.year,
        subject.series,
        ...subject.creators,
        ...subject.cast,
        subject.platform,
        ...Object.values(subject.ids),
      ]
        .filter((part) => part !== undefined && part !== '')
        .join('\n')
    : ''
  return withBody({ title: meta.title, subject: subjectText, tags: meta.tags.join('\n'), excerpt: meta.excerpt }, body, bodyAt)
}

function withBody(fields: Pick<SearchText, 'title' | 'subject' | 'tags' | 'excerpt'>, body: string, bodyAt: number | undefined): SearchText {
  const text = bodyText(body)
  return { ...fields, verdict: criticLines(text), body: text, ...(bodyAt !== undefined ? { bodyAt } : {}) }
}

/** Lines a score block holds for the reader: its verdict, pros and cons. */
function criticLines(text: string): string {
  const kept: string[] = []
  let inList = false
  for (const line of text.split('\n')) {
    if (/^Verdict: /.test(line)) kept.push(line.slice(9))
    else if (/^(?:Pros|Cons):$/.test(line)) inList = true
    else if (inList && line.startsWith('• ')) kept.push(line.slice(2))
    else inList = false
  }
  return kept.join('\n')
}

const REFERENCE = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos|nbsp));/gi
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** What a fence, heading, quote, list item or rule opens with (spaces first, or one of these). */
const BLOCK_START = /^(?:\s|[:#>+*\-\d])/
const EMPHASIS = /[*_~`]/

/** Plain text of a Markdown body, one line per source line, lists marked `• ` (see criticLines). */
export function bodyText(markdown: string): string {
  const out: string[] = []
  let fence: string | undefined
  for (const raw of markdown.split('\n')) {
    if (fence) {
      if (raw.trimStart().startsWith(fence)) fence = undefined
      else out.push(raw)
      continue
    }
    const fenced = /^\s*(`{3,}|~{3,})/.exec(raw)
    if (fenced) {
      fence = fenced[1]
      continue
    }
    let line = raw
    // Each replacement only where its character is: most lines of prose have none of them, and a
    // 10,000-review index cuts a million lines.
    if (BLOCK_START.test(line)) {
      line = line
        .replace(/^\s*:{2,}\s*$/, '') // a closing fence
        .replace(/^\s*:{2,}[a-z]+(?:\[([^\]]*)\])?(?:\{[^}]*\})?\s*$/i, '$1') // an opening fence or leaf: its label
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s*(?:>\s?)+/, '')
        .replace(/^\s*(?:[-+*]|\d{1,9}[.)])\s+/, '• ')
    }
    // No class here may run past the next opener of its own kind: `[a[a…` or `<<<…` on a long line
    // would otherwise be scanned to the line's end from every opener (a 1.9 MB line never finished).
    if (line.includes('[')) line = line.replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1').replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    if (line.includes('<')) line = line.replace(/<[^<>\n]+>/g, '')
    if (EMPHASIS.test(line)) line = line.replace(/(?<![\p{L}\p{N}])[*_~`]+|[*_~`]+(?![\p{L}\p{N}])/gu, '')
    if (line.includes('\\')) line = line.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
    if (line.includes('&')) {
      line = line.replace(REFERENCE, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
        name ? NAMED[name.toLowerCase()]! : codePoint(Number.parseInt(hex ?? dec!, hex ? 16 : 10)),
      )
    }
    if (/^\s*(?:[-*_]\s*){3,}$/.test(line)) line = ''
    out.push(line)
  }
  return out.join('\n')
}

/** A character reference's character; nothing for a number no character has. */
const codePoint = (value: number): string => (value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '')
