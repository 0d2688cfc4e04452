/**
 * Splits `review.md` into its YAML front matter and Markdown body.
 *
 * Front matter is YAML only, read with the `yaml` package's core schema: no tag constructs anything
 * (not even YAML 1.1's `!!binary` or `!!set`), aliases are capped, and a `---js`/`---json` block is
 * refused unread (gray-matter would evaluate `---js`).
 */
import { LineCounter, parseDocument } from 'yaml'
import { toLf } from './syntax'

/** The file cannot be read as a review; the message says why, for the person who owns the file. */
export class ReviewParseError extends Error {
  override name = 'ReviewParseError'
}

export interface FrontMatter {
  /** The YAML mapping; empty when the file has no front matter. */
  data: Record<string, unknown>
  body: string
}

// `fatal` refuses invalid UTF-8 instead of inserting U+FFFD; a leading BOM is stripped.
const utf8 = new TextDecoder('utf-8', { fatal: true })

const MAX_ALIASES = 100

export function readFrontMatter(file: Uint8Array): FrontMatter {
  let text: string
  try {
    text = toLf(utf8.decode(file))
  } catch {
    throw new ReviewParseError('The file is not valid UTF-8 text.')
  }
  if (text.includes('\0')) throw new ReviewParseError('The file contains NUL bytes: it is damaged or not a text file.')
  if (!text.trim()) throw new ReviewParseError('The file is empty.')

  const firstLine = text.split('\n', 1)[0]!
  if (!firstLine.startsWith('---')) return { data: {}, body: text }
  if (firstLine.trimEnd() !== '---') {
    throw new ReviewParseError(
      `The front matter must start with a line of exactly "---", not "${firstLine.slice(0, 40)}": only YAML front matter is read.`,
    )
  }
  const yamlStart = firstLine.length + 1
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(text.slice(yamlStart))
  if (!close) throw new ReviewParseError('The front matter is not closed: add a line "---" after it.')
  const yamlEnd = yamlStart + close.index
  const body = text.slice(yamlEnd + close[0].length + 1)
  return { data: parseMapping(text.slice(yamlStart, yamlEnd)), body }
}

/** `---` is the file's line 1, so YAML line n is the file's line n + 1. */
function parseMapping(yaml: string): Record<string, unknown> {
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
  if (value == null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ReviewParseError('The front matter must be a list of "key: value" lines (a YAML mapping).')
  }
  return value as Record<string, unknown>
}
