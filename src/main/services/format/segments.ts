/**
 * A body cut into segments without parsing it: at blank lines where the next line can only start a
 * new top-level block, so each segment parses alone exactly as it does in place (the library row's
 * scan counts words segment by segment; a long review opens with its first segments read first).
 * Something that could reach across such a cut (fenced code, HTML blocks, link or footnote
 * definitions, tabs, indented directive fences) is not cut across: see `segmentStarts`.
 */
import { toLf } from './syntax'

/** A link or footnote definition (`[x]: …`, `[^x]: …`), also inside quotes and lists; linear on any line. */
export const DEFINITION = /^[ \t>*+\-\d.)]*\[[^\]\n]*\]:/m

/** Constructs that may continue past a blank line, or need care this cut does not take. */
export const WHOLE_BODY = /^[ \t]*(?:`{3}|~{3}|<)|^[ \t]+::|\t|\]:/m
/** Blank as Markdown sees it: other Unicode spaces are text. */
export const isBlank = (line: string): boolean => /^ *$/.test(line)
/** A line only a new top-level block can start with (no indentation, not a list item). */
const LIST_START = /^(?:[-+*]|\d{1,9}[.)])(?: |$)/
const LIST_LINE = /^ *(?:[-+*]|\d{1,9}[.)])(?: |$)/
/** `:::name`: a container directive opens (a superset of what the reader accepts: merging more is safe). */
const FENCE = /^(:{3,})(.*)$/

/**
 * The index of each line after the first that starts a segment, in order; the generator returns
 * false (and yields no more) at a directive fence it cannot follow. Only for lines free of
 * `WHOLE_BODY`'s constructs: the caller checks them.
 */
function* segmentStarts(lines: Iterable<string>): Generator<number, boolean> {
  let index = -1
  let hasContent = false
  /** A list, or indented code (after which micromark reads a list as interrupting): a list line may continue it. */
  let listContext = false
  let blankBefore = true
  /** Fence lengths of the open container directives, outermost first. */
  const open: number[] = []
  for (const line of lines) {
    index++
    const blank = isBlank(line)
    if (!blank && blankBefore && open.length === 0 && line[0] !== ' ' && !(listContext && LIST_START.test(line))) {
      if (hasContent) yield index
      hasContent = false
      listContext = false
    }
    if (!blank) hasContent = true
    if (LIST_LINE.test(line) || line.startsWith('    ')) listContext = true
    const fence = FENCE.exec(line)
    if (fence) {
      const size = fence[1]!.length
      const rest = fence[2]!
      if (isBlank(rest)) {
        if (open.length) {
          // The outermost container checks for its closing fence first.
          const closes = open.findIndex((opened) => size >= opened)
          if (closes === -1) return false
          open.length = closes
        }
      } else if (rest[0] !== ' ' && rest[0] !== ':') {
        if (open.length && size >= open.at(-1)!) return false
        open.push(size)
      }
    }
    blankBefore = blank
  }
  return true
}

/** The lines in segments (blank lines go with the segment before them); undefined when they cannot be cut. */
export function splitSegments(lines: string[]): string[][] | undefined {
  const starts = segmentStarts(lines)
  const segments: string[][] = []
  // Blank lines before the first block belong to no segment.
  let from = lines.findIndex((line) => !isBlank(line))
  if (from === -1) return []
  for (let next = starts.next(); ; next = starts.next()) {
    if (next.done) {
      if (!next.value) return undefined
      break
    }
    segments.push(lines.slice(from, next.value))
    from = next.value
  }
  if (lines.slice(from).some((line) => !isBlank(line))) segments.push(lines.slice(from))
  return segments
}

/**
 * Where the body's first segments end once they hold at least `atLeast` characters: the body's
 * first blocks are `body.slice(0, end)` read alone, and the rest `body.slice(end)` read alone.
 * Undefined when no such cut is known to be safe: a definition anywhere (a reference before the cut
 * may name one after it), or before it a construct `WHOLE_BODY` lists.
 */
export function firstSegmentsEnd(markdown: string, atLeast: number): number | undefined {
  const body = toLf(markdown)
  if (body.length <= atLeast || DEFINITION.test(body)) return undefined
  let at = 0
  function* lines(): Generator<string> {
    while (at < body.length) {
      const end = body.indexOf('\n', at)
      const line = body.slice(at, end === -1 ? body.length : end)
      at = end === -1 ? body.length : end + 1
      yield line
    }
  }
  const starts = segmentStarts(lines())
  for (let next = starts.next(); !next.done; next = starts.next()) {
    // `at` is past the segment's first line, the one that decided the cut: it is checked too.
    const lineStart = body.lastIndexOf('\n', at - 2) + 1
    if (WHOLE_BODY.test(body.slice(0, at))) return undefined
    if (lineStart >= atLeast) return lineStart
  }
  return undefined
}
