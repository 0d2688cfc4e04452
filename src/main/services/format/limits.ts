/**
 * Limits checked before any Markdown is parsed. micromark's cost grows with the cube of container
 * nesting (`- - - …`, `> - > - …`, indented lists, `:::` directives) and with the square of
 * unmatched brackets, emphasis delimiters and backtick runs, so a 20 KB file could take minutes and
 * a deep one overflowed the stack of every recursive walk after it. This scan is linear: one pass
 * over the lines, counting what those costs grow with. A block beyond a limit is not parsed at all
 * but kept exactly as written (a raw block in the editor, its source in the preview), with a
 * warning naming the limit; the rest of the body is parsed as usual.
 *
 * The counts over-estimate (any `>` or list marker at a line's start counts as a container, two
 * columns of indentation as one level), so a block within the limits is certainly cheap; the
 * limits are far beyond anything a review holds, so no real review is affected.
 */

export const MARKDOWN_LIMITS = {
  /** Containers (lists, quotes, `:::` directives) open at once; the editor's lists nest as deep. */
  depth: 100,
  /** Characters in one line. */
  lineLength: 100_000,
  /** `[` and `]` in one paragraph (links, images, footnotes). */
  brackets: 2_000,
  /** Runs of `*`, `_` or `~` in one paragraph. */
  delimiterRuns: 2_000,
  /** Backticks in one run (a code span's fence). */
  backtickRun: 64,
  /** `|` in one line (table columns). */
  pipes: 256,
} as const

/** A stretch of the body: parsed when `beyond` is absent, else kept as written for that reason. */
export interface MarkdownPiece {
  text: string
  beyond?: string
}

const BLANK = /^[ \t]*$/
/** A list marker where a container may start: `-`, `+`, `*`, `1.`, `1)` before a space, tab or the line's end. */
const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/
/** A code fence's opening or closing line, after the container markers. */
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/
const DIRECTIVE_OPEN = /^ {0,3}(:{3,})[A-Za-z]/
const DIRECTIVE_CLOSE = /^ {0,3}:{3,}[ \t]*$/

interface Prefix {
  /** Containers this line's prefix may open or continue. */
  depth: number
  /** A list marker is among them: a new list item, and so a new paragraph. */
  item: boolean
  /** Where the content after the markers starts (its indentation included). */
  end: number
}

/** The line's leading container markers and indentation, read without any state. */
function prefixOf(line: string): Prefix {
  let depth = 0
  let item = false
  let index = 0
  let end = 0
  for (;;) {
    while (line[index] === ' ' || line[index] === '\t') index++
    if (line[index] === '>') {
      depth++
      end = ++index
      continue
    }
    const marker = LIST_MARKER.exec(line.slice(index, index + 11))
    if (!marker) break
    depth++
    item = true
    end = index += marker[0].length
  }
  // Indentation continues the containers above (two columns is the narrowest list item).
  const leading = /^[ \t]*/.exec(line)![0]
  let indent = 0
  for (const char of leading) indent += char === '\t' ? 4 - (indent % 4) : 1
  return { depth: depth + Math.floor(indent / 2), item, end: depth ? end : 0 }
}

/** Counts for one paragraph-like stretch; reset at blank lines, list items and headings. */
class InlineCounts {
  brackets = 0
  delimiterRuns = 0

  reset(): void {
    this.brackets = 0
    this.delimiterRuns = 0
  }

  /** Adds a line's content; returns the first limit passed, if any. */
  add(content: string): string | undefined {
    let previous = ''
    let backticks = 0
    for (let index = 0; index < content.length; index++) {
      const char = content[index]!
      if (char === '[' || char === ']') this.brackets++
      else if ((char === '*' || char === '_' || char === '~') && char !== previous) this.delimiterRuns++
      if (char === '`') {
        backticks++
        if (backticks > MARKDOWN_LIMITS.backtickRun) return `a run of more than ${MARKDOWN_LIMITS.backtickRun} backticks`
      } else backticks = 0
      previous = char
    }
    if (this.brackets > MARKDOWN_LIMITS.brackets) return `more than ${count(MARKDOWN_LIMITS.brackets)} square brackets in one paragraph`
    if (this.delimiterRuns > MARKDOWN_LIMITS.delimiterRuns) {
      return `more than ${count(MARKDOWN_LIMITS.delimiterRuns)} emphasis markers (*, _ or ~) in one paragraph`
    }
    return undefined
  }
}

const count = (n: number): string => n.toLocaleString('en-US')

/** Why the line is beyond the limits, if it is. */
function lineProblem(line: string, depth: number): string | undefined {
  if (line.length > MARKDOWN_LIMITS.lineLength) {
    return `a line of ${count(line.length)} characters (the limit is ${count(MARKDOWN_LIMITS.lineLength)})`
  }
  if (depth > MARKDOWN_LIMITS.depth) return `lists, quotes or blocks nested more than ${MARKDOWN_LIMITS.depth} deep`
  let pipes = 0
  for (let index = line.indexOf('|'); index !== -1; index = line.indexOf('|', index + 1)) {
    if (++pipes > MARKDOWN_LIMITS.pipes) return `a table row of more than ${MARKDOWN_LIMITS.pipes} columns`
  }
  return undefined
}

/**
 * The body cut into pieces: one piece, the whole body, when it is within the limits (the usual
 * case, parsed exactly as before); otherwise the blocks beyond them, each kept as written, and the
 * stretches between them. Cuts fall only at a blank line before an unindented line that starts a
 * new top-level block (not a list item continuing a list, not inside a code fence or a `:::`
 * directive), so each piece parses alone as it would in place.
 */
export function markdownPieces(markdown: string): MarkdownPiece[] {
  const lines = markdown.split('\n')
  /** Index of each block's first line, and why it is beyond the limits. */
  const blocks: Array<{ start: number; beyond?: string }> = []
  const inline = new InlineCounts()
  let fence: string | undefined
  let directives = 0
  let blankBefore = true
  let listContext = false
  let anyBeyond = false
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const blank = BLANK.test(line)
    const indented = line[0] === ' ' || line[0] === '\t'
    const prefix = blank ? undefined : prefixOf(line)
    const startsBlock =
      !blank && blankBefore && fence === undefined && directives === 0 && !indented && !(listContext && prefix!.item)
    if (startsBlock || blocks.length === 0) {
      blocks.push({ start: index })
      listContext = false
    }
    blankBefore = blank
    if (blank) {
      inline.reset()
      continue
    }
    const block = blocks.at(-1)!
    const content = line.slice(prefix!.end)
    const fenceLine = FENCE.exec(content)
    const marks = fenceLine?.[1]
    const rest = fenceLine ? content.slice(fenceLine[0].length) : ''
    if (fence !== undefined) {
      if (marks && marks[0] === fence[0] && marks.length >= fence.length && BLANK.test(rest)) fence = undefined
    } else if (marks && !(marks[0] === '`' && rest.includes('`'))) fence = marks // a backtick fence's info string has no backtick
    else if (DIRECTIVE_OPEN.test(line)) directives++
    else if (directives > 0 && DIRECTIVE_CLOSE.test(line)) directives--
    if (prefix!.item || /^ {4}/.test(line)) listContext = true
    if (prefix!.item || /^[ \t]*#{1,6}(?:[ \t]|$)/.test(content)) inline.reset()
    // Checked inside code fences too: where this scan and micromark could disagree on a fence's
    // end, a fence must not hide what follows it. Code is a raw block in the editor anyway.
    const problem = lineProblem(line, prefix!.depth + directives) ?? inline.add(content)
    if (problem && !block.beyond) {
      block.beyond = problem
      anyBeyond = true
    }
  }
  if (!anyBeyond) return [{ text: markdown }]
  return piecesOf(lines, blocks)
}

/** Joins the blocks within limits into pieces and trims each block beyond them to its own lines. */
function piecesOf(lines: string[], blocks: Array<{ start: number; beyond?: string }>): MarkdownPiece[] {
  const pieces: MarkdownPiece[] = []
  let parsed: string[] = []
  const flush = (): void => {
    if (parsed.length) pieces.push({ text: parsed.join('\n') })
    parsed = []
  }
  blocks.forEach((block, position) => {
    const end = blocks[position + 1]?.start ?? lines.length
    const own = lines.slice(block.start, end)
    if (!block.beyond) {
      parsed.push(...own)
      return
    }
    // The blank lines after a block belong to what follows it.
    let last = own.length
    while (last > 0 && BLANK.test(own[last - 1]!)) last--
    flush()
    pieces.push({ text: own.slice(0, last).join('\n'), beyond: block.beyond })
    parsed.push(...own.slice(last))
  })
  flush()
  return pieces
}

/** The warning for a piece beyond the limits: where it starts and which limit it passes. */
export function keptAsWritten({ text, beyond }: MarkdownPiece): string {
  const start = text.slice(0, 40).split('\n', 1)[0]!
  return `The block starting “${start}${text.length > start.length ? '…' : ''}” holds ${beyond ?? 'nothing beyond the limits'}; it is kept exactly as written and not read as Markdown.`
}

/** Whether the Markdown is within the limits, so parsing it is cheap. */
export function withinLimits(markdown: string): boolean {
  return markdownPieces(markdown).every((piece) => !piece.beyond)
}
