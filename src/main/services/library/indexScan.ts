/**
 * What the library row needs from a review body — its word count and overall score — without
 * converting the whole body to an editor document. The result is always the one a full parse gives
 * (`countWords(documentText(doc))` and `scoreMirror(doc)`):
 *
 * - The body is cut into segments at blank lines where the next line can only start a new top-level
 *   block, so each segment parses alone exactly as it does in place. A body holding something that
 *   could reach across such a cut (fenced code, HTML blocks, link or footnote definitions, tabs,
 *   indented directive fences) is parsed whole.
 * - A segment of plain paragraphs, headings (levels 2–4), one-paragraph quotes and simple lists is
 *   counted from its text: markup characters never join or split words unless they sit where
 *   dropping them would join two words (UAX #29), and then the segment is parsed instead; link addresses are left out as the
 *   editor's document leaves them out. Every other segment (images, critic blocks, tables, …) is
 *   parsed with the real reader, which is cheap for one small block.
 */
import { documentText, type BlockJSON, type EditorDocument } from '../../../shared/document'
import { isImageSource, type ScoreSummary } from '../../../shared/critic'
import type { ScoreJSON } from '../../../blocks/score/model'
import { CRITIC_BLOCKS } from '../../blocks'
import { countWords } from '../../../shared/text'
import { readMarkdown, scoreMirror } from '../format'
import { withinLimits } from '../format/limits'
import { toLf } from '../format/syntax'
import { isBlank, splitSegments, WHOLE_BODY } from '../format/segments'

export interface BodyStats {
  wordCount: number
  score?: ScoreSummary
}

/** The body's word count and mirrored score, as `wordCountOf` and `scoreMirror` of its parsed document. */
export function bodyStats(body: string): BodyStats {
  // Beyond the parsing limits the scan's line reading (`classify`) would recurse as deep as the
  // nesting; the reader keeps such blocks unparsed.
  return (withinLimits(body) ? scanBody(body) : undefined) ?? fromDocument(readMarkdown(body).doc)
}

function fromDocument(doc: EditorDocument): BodyStats {
  const score = scoreMirror(doc)
  return { wordCount: countWords(documentText(doc)), ...(score ? { score } : {}) }
}

/**
 * Characters that may join a word across dropped markup (UAX #29): all but white space and
 * punctuation that always separates. `MID` ones join only between two others (`e.g`, `3.14`).
 */
const WORDISH = String.raw`[^\s!?()[\]{}<>/|*+=#$%&@^~\-–—….:,;'’‘"·\uE000]`
const MID = String.raw`[.:,;'’‘"·]`
/** Markup that would join or split words if dropped instead of read as a space: such a segment is parsed. */
const JOINED = new RegExp(`${WORDISH}\uE000+${WORDISH}|${WORDISH}\uE000+${MID}${WORDISH}|${WORDISH}${MID}\uE000+${WORDISH}`, 'u')

/** Undefined when the body is better parsed whole. */
export function scanBody(markdown: string): BodyStats | undefined {
  const body = toLf(markdown) // as the reader takes it (a body from readFrontMatter already is)
  if (WHOLE_BODY.test(body)) return undefined
  const segments = splitSegments(body.split('\n'))
  if (!segments) return undefined
  let text = ''
  const scores: ScoreJSON[] = []
  for (const lines of segments) {
    // A block whose text does not end in a line break (a raw block) runs into the next one's first
    // word; only the parsed text starts exactly as the document's does.
    const single = oneLine(lines)
    if (single && LONE_IMAGE.test(single)) {
      const src = LONE_IMAGE.exec(single)![1]!
      // A lone image inside the review folder or its site is an image block, which adds no words.
      if (isImageSource(src)) continue
    }
    const lineBlock = single === undefined ? undefined : scanLine(single)
    if (lineBlock) {
      if (lineBlock.type === 'score') scores.push(lineBlock)
      continue
    }
    const fast = /\S/.test(text.at(-1) ?? '') ? undefined : countableText(lines)
    if (fast !== undefined) {
      text += fast
      continue
    }
    const blocks = parsedBlocks(lines.join('\n'))
    for (const block of blocks) if (block.type === 'score') scores.push(block)
    const segmentText = documentText({ root: { type: 'root', children: blocks } })
    text += segmentText.slice(0, -1) // without the root's own closing line break
  }
  const score = scoreMirror({ root: { type: 'root', children: scores } })
  return { wordCount: countWords(`${text}\n`), ...(score ? { score } : {}) }
}

/** The segment's one line, when it has only one (blank lines aside). */
function oneLine(lines: string[]): string | undefined {
  const filled = lines.filter((line) => !isBlank(line))
  return filled.length === 1 ? filled[0] : undefined
}

/** `![alt](assets/x.png)`: plain alt text and an address taken literally (no escapes or references). */
const LONE_IMAGE = /^!\[[^[\]\\`<&\n]*\]\(([^\s()<>\\&]+)\) *$/
const SCAN_LINES = CRITIC_BLOCKS.flatMap((block) => block.scanLine ?? [])

/** The block of a line its block reads without the parser (the score's `::score[…]{…}`). */
function scanLine(line: string): BlockJSON | undefined {
  for (const read of SCAN_LINES) {
    const block = read(line)
    if (block) return block
  }
  return undefined
}

/** A segment's blocks; none for a segment that reads as nothing (the reader then gives its empty paragraph). */
function parsedBlocks(markdown: string): BlockJSON[] {
  const { children } = readMarkdown(markdown).doc.root
  const [only] = children
  return children.length === 1 && only?.type === 'paragraph' && only.children.length === 0 ? [] : children
}

type LineKind =
  | { kind: 'text'; content: string }
  | { kind: 'heading'; level: number; content: string }
  | { kind: 'quote'; content: string }
  | { kind: 'bullet'; content: string }
  | { kind: 'ordered'; delimiter: string; content: string }
  | { kind: 'other' }

const HEADING = /^(#{1,6})(?: +(.*))?$/
const BULLET = /^[-+*]( +)(.*)$/
const ORDERED = /^\d{1,9}([.)])( +)(.*)$/
/** Thematic breaks and setext underlines (`***`, `- - -`, `===`, `--`). */
const RULE = /^(?:(?:\* *){3,}|(?:_ *){3,}|(?:- *){2,}|=+ *|-)$/

/** What a line (its indentation removed) starts, as far as this scan tells blocks apart. */
function classify(content: string): LineKind {
  if (RULE.test(content) || content.startsWith('::') || content.includes('|')) return { kind: 'other' }
  const heading = HEADING.exec(content)
  if (heading) return { kind: 'heading', level: heading[1]!.length, content: heading[2] ?? '' }
  if (content[0] === '>') {
    const inner = content.slice(content[1] === ' ' ? 2 : 1)
    return inner !== '' && inner[0] !== ' ' && classify(inner).kind === 'text' ? { kind: 'quote', content: inner } : { kind: 'other' }
  }
  const bullet = BULLET.exec(content)
  if (bullet) return listItem({ kind: 'bullet', content: bullet[2]! }, bullet[1]!)
  const ordered = ORDERED.exec(content)
  if (ordered) return listItem({ kind: 'ordered', delimiter: ordered[1]!, content: ordered[3]! }, ordered[2]!)
  if (/^(?:[-+*]|\d{1,9}[.)])$/.test(content)) return { kind: 'other' } // an empty item
  return { kind: 'text', content }
}

/** An item whose text starts another block (`- # x`, `- > x`, `-     code`) holds more than a paragraph. */
function listItem(item: LineKind & { content: string }, spaces: string): LineKind {
  if (spaces.length > 4 || item.content === '' || classify(item.content).kind !== 'text') return { kind: 'other' }
  return item
}

/**
 * The text of a segment of paragraphs, headings 2–4, one-paragraph quotes and lists of one-line or
 * lazily continued items, with the same words as its document text; undefined for anything else.
 */
function countableText(lines: string[]): string | undefined {
  const blocks: string[][] = []
  type State = 'none' | 'paragraph' | 'quote' | 'bullet' | 'ordered'
  // Widened: the helper below changes it behind the compiler's back.
  let state = 'none' as State
  let delimiter = ''
  let blankBefore = false
  const start = (next: State, content: string) => {
    blocks.push([content])
    state = next
  }
  for (const line of lines) {
    if (isBlank(line)) {
      blankBefore = true
      continue
    }
    const indent = /^ */.exec(line)![0].length
    const kind = classify(line.slice(indent))
    if (blankBefore) {
      // Within a segment, only a list goes on after a blank line: with a new item at the margin.
      if ((state !== 'bullet' && state !== 'ordered') || indent > 0 || (kind.kind !== 'bullet' && kind.kind !== 'ordered')) return undefined
      blankBefore = false
    }
    if (indent > 0) {
      // Indented lines continue the paragraph they follow, or nest bullets.
      if (kind.kind === 'text' && (state === 'paragraph' || state === 'quote' || state === 'bullet')) blocks.at(-1)!.push(kind.content)
      else if (kind.kind === 'bullet' && state === 'bullet') blocks.at(-1)!.push(kind.content)
      else return undefined
      continue
    }
    switch (kind.kind) {
      case 'heading':
        // Levels 1, 5 and 6 stay raw blocks, counted as written.
        if (kind.level < 2 || kind.level > 4) return undefined
        blocks.push([kind.content])
        state = 'none'
        break
      case 'quote':
        if (state === 'quote') blocks.at(-1)!.push(kind.content)
        else start('quote', kind.content)
        break
      case 'bullet':
        if (state === 'bullet') blocks.at(-1)!.push(kind.content)
        else start('bullet', kind.content)
        break
      case 'ordered':
        // A numbered item may not interrupt a paragraph unless numbered 1: keep to the plain cases.
        if (state === 'ordered' && kind.delimiter === delimiter) blocks.at(-1)!.push(kind.content)
        else if (state === 'none') start('ordered', kind.content)
        else return undefined
        delimiter = kind.delimiter
        break
      case 'text':
        if (state === 'paragraph' || state === 'quote' || state === 'bullet') blocks.at(-1)!.push(kind.content)
        else if (state === 'none') start('paragraph', kind.content)
        else return undefined
        break
      default:
        return undefined
    }
  }
  const text = plainInline(blocks.map((block) => `${block.join('\n')}\n`).join(''))
  return text
}

/**
 * Inline Markdown as word-equivalent text: link addresses out, emphasis, code and link markers as
 * separators (each marker is dropped or kept as punctuation; either way it splits words the same). Undefined where that could differ from the document's text: escapes, character
 * references, HTML, images, references, links with titles or spaces, code next to links, underscores,
 * and markers whose dropping would join words.
 */
function plainInline(markdown: string): string | undefined {
  // A backslash ending a line is a hard break; any other may be an escape.
  // An underscore left as written is a word, or part of one (UAX #29 ExtendNumLet).
  if (/\\(?!\n)|<|!\[|_/.test(markdown)) return undefined
  if (markdown.includes('[') && markdown.includes('`')) return undefined
  const linked = markdown.replace(/\[([^[\]`\\\n]*)\]\(([^\s()<>\\]*)\)/g, '\uE000$1\uE000')
  if (/[[\]]/.test(linked) || /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.test(linked)) return undefined
  // A code span drops one space inside each fence, so a space next to a backtick may go too.
  const marked = linked.replace(/ ?`+ ?/g, '\uE000').replace(/[*~\\]+/g, '\uE000')
  if (JOINED.test(marked)) return undefined
  return marked.replaceAll('\uE000', ' ')
}
