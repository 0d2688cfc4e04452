/**
 * Splits a review file into its front matter and Markdown body, remembering where the front matter
 * sits so that a save can edit it in place (frontMatterEdit.ts).
 *
 * Three front matter formats are read, as Hugo, Jekyll, Eleventy and Astro write them:
 * - YAML between `---` lines, with the `yaml` package's core schema: no tag constructs anything
 *   (not even YAML 1.1's `!!binary` or `!!set`), timestamps stay the text written, aliases are capped;
 * - TOML between `+++` lines (smol-toml), its dates kept as the text written;
 * - a JSON object opening the file (Hugo), read with JSON.parse.
 * A `---js` block is refused unread (gray-matter would evaluate it).
 */
import { LineCounter, parseDocument } from 'yaml'
import { parse as parseToml, TomlDate, TomlError } from 'smol-toml'
import { toLf } from './syntax'

/** The file cannot be read as a review; the message says why, for the person who owns the file. */
export class ReviewParseError extends Error {
  override name = 'ReviewParseError'
}

export type FrontMatterKind = 'yaml' | 'toml' | 'json'

/** Where the front matter is in the file's text (LF line endings), for edits in place. */
export interface FrontMatterHead {
  kind: FrontMatterKind
  /** The source between the delimiters (for JSON, the object itself). */
  start: number
  end: number
  /** Where the body starts: after the closing delimiter's line. */
  bodyStart: number
}

export interface FrontMatter {
  /** The front matter's mapping; empty when the file has none. */
  data: Record<string, unknown>
  body: string
  /** The whole file as text, line endings as LF. */
  text: string
  /** Undefined when the file has no front matter. */
  head?: FrontMatterHead
  /** How the file writes line endings and whether it starts with a byte order mark, so a save keeps both. */
  eol: '\n' | '\r\n'
  bom: boolean
}

// `fatal` refuses invalid UTF-8 instead of inserting U+FFFD; `ignoreBOM` keeps a BOM so it can be written back.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

const MAX_ALIASES = 100

/**
 * The file's text as the front matter and the body are cut from (`head`'s offsets are in it): its line
 * endings as LF, without its byte order mark.
 */
export function reviewText(file: Uint8Array): Pick<FrontMatter, 'text' | 'eol' | 'bom'> {
  let decoded: string
  try {
    decoded = utf8.decode(file)
  } catch {
    throw new ReviewParseError('The file is not valid UTF-8 text.')
  }
  const bom = decoded.startsWith('\uFEFF')
  const eol = /\r\n/.test(decoded) && !/(?<!\r)\n/.test(decoded) ? '\r\n' : '\n'
  return { text: toLf(bom ? decoded.slice(1) : decoded), eol, bom }
}

export function readFrontMatter(file: Uint8Array): FrontMatter {
  const file_ = reviewText(file)
  const { text } = file_
  if (text.includes('\0')) throw new ReviewParseError('The file contains NUL bytes: it is damaged or not a text file.')
  if (!text.trim()) throw new ReviewParseError('The file is empty.')

  const firstLine = text.split('\n', 1)[0]!
  const json = text.startsWith('{') ? readJson(text) : undefined
  if (json) return { ...file_, ...json }
  const delimiter = firstLine.trimEnd() === '+++' ? '+++' : firstLine.startsWith('---') ? '---' : undefined
  if (!delimiter) return { ...file_, data: {}, body: text }
  if (firstLine.trimEnd() !== delimiter) {
    throw new ReviewParseError(
      `The front matter must start with a line of exactly "---" (YAML) or "+++" (TOML), not "${firstLine.slice(0, 40)}".`,
    )
  }
  const start = firstLine.length + 1
  const close = (delimiter === '+++' ? /^\+\+\+[ \t]*$/m : /^(?:---|\.\.\.)[ \t]*$/m).exec(text.slice(start))
  const end = close ? start + close.index : text.length
  const source = text.slice(start, end)
  // A body opening with a `---` rule (or `+++` text), not front matter: nothing in it reads as a key.
  // Unclosed, it is a rule and Markdown too: a site generator would show it so.
  if (!close || !looksLikeKeys(source, delimiter)) return { ...file_, data: {}, body: text }
  const bodyStart = Math.min(text.length, end + close[0].length + 1)
  const data = delimiter === '+++' ? parseTomlTable(source) : parseMapping(source)
  if (!data) return { ...file_, data: {}, body: text }
  return { ...file_, data, body: text.slice(bodyStart), head: { kind: delimiter === '+++' ? 'toml' : 'yaml', start, end, bodyStart } }
}

/**
 * Front matter's first line past comments is a key (`title:`, `title =`, `[params]`), or it holds
 * only comments or nothing; what opens otherwise (`##` then a table) is Markdown after a rule. A
 * YAML key does not open with what opens a Markdown quote, table, list, link definition or code
 * (`>`, `|`, `- `, `* `, `[`, `` ` ``): YAML reads those as other things or refuses them.
 */
function looksLikeKeys(source: string, delimiter: '---' | '+++'): boolean {
  const first = source.split('\n').find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
  if (first === undefined) return true
  return delimiter === '+++' ? /^\s*(?:\[|[\w"'.-]+\s*=)/.test(first) : /^\s*(?:"[^"]*"|'[^']*'|(?![-*?]\s)[^\s:#>|[`][^:#]*?)\s*:(?:\s|$)/.test(first)
}

/**
 * `---` is the file's line 1, so YAML line n is the file's line n + 1. Undefined when the YAML is
 * one plain text (Markdown between two `---` rules, not front matter).
 */
function parseMapping(yaml: string): Record<string, unknown> | undefined {
  const lines = new LineCounter()
  let value: unknown
  try {
    const doc = parseDocument(yaml, {
      schema: 'core',
      resolveKnownTags: false,
      uniqueKeys: true,
      prettyErrors: false,
      lineCounter: lines,
    })
    const [error] = doc.errors
    if (error) {
      const line = lines.linePos(error.pos[0]).line + 1
      throw new ReviewParseError(`The front matter is not valid YAML: ${error.message} (line ${line})`)
    }
    value = doc.toJS({ maxAliasCount: MAX_ALIASES })
  } catch (error) {
    if (error instanceof ReviewParseError) throw error
    // The alias cap ("excessive alias count") and anything else the YAML reader gives up on.
    throw new ReviewParseError(`The front matter cannot be read: ${(error as Error).message}`)
  }
  return typeof value === 'string' ? undefined : asMapping(value)
}

function parseTomlTable(toml: string): Record<string, unknown> {
  try {
    return asMapping(withTomlDatesAsText(parseToml(toml)))
  } catch (error) {
    if (error instanceof TomlError) throw new ReviewParseError(`The front matter is not valid TOML: ${error.message.split('\n', 1)[0]} (line ${error.line + 1})`)
    throw error
  }
}

/** TOML dates become the text written (`2025-11-04T23:29:37+09:00`), as YAML's core schema reads them. */
function withTomlDatesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString()
  if (Array.isArray(value)) return value.map(withTomlDatesAsText)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withTomlDatesAsText(item)]))
  }
  return value
}

/**
 * A JSON object opening the file (Hugo's JSON front matter): it ends where its braces balance, and
 * only the rest of its line may follow. Anything else opening with `{` is Markdown (undefined).
 */
function readJson(text: string): Pick<FrontMatter, 'data' | 'body' | 'head'> | undefined {
  const end = jsonObjectEnd(text)
  if (end === undefined) return undefined
  const lineEnd = text.indexOf('\n', end)
  if (text.slice(end, lineEnd === -1 ? undefined : lineEnd).trim()) return undefined
  let value: unknown
  try {
    value = JSON.parse(text.slice(0, end))
  } catch {
    return undefined
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const bodyStart = lineEnd === -1 ? text.length : lineEnd + 1
  return { data: value as Record<string, unknown>, body: text.slice(bodyStart), head: { kind: 'json', start: 0, end, bodyStart } }
}

function jsonObjectEnd(text: string): number | undefined {
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '"') {
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++
    } else if (char === '{' || char === '[') depth++
    else if ((char === '}' || char === ']') && --depth === 0) return index + 1
  }
  return undefined
}

function asMapping(value: unknown): Record<string, unknown> {
  if (value == null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ReviewParseError('The front matter must be a list of "key: value" lines (a mapping).')
  }
  return value as Record<string, unknown>
}
