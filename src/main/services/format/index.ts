/** The review file format: `review.md` = YAML front matter + Markdown body (docs/format.md). */
import { documentText, type EditorDocument } from '../../../shared/document'
import type { ReviewMeta } from '../../../shared/model'
import { countWords } from '../../../shared/text'
import { reviseBody } from './bodyEdit'
import { readFrontMatter, type FrontMatter } from './frontMatter'
import { editFrontMatter, type KeyEdit } from './frontMatterEdit'
import { scoreMirror } from '../../../blocks/score/markdown'
import { documentOf, documentToMarkdown, normalizeDocument, readFirstBlocks, readSourceBlocks, rereadSourceBlocks, type SourceBlock, type SourceBlocks } from './markdown'
import { metaEdits, metaFromYaml, metaToYaml, sameValue, yamlEntry, type MetaFallback } from './meta'

export { referencedAssets } from './usedAssets'
export { scoreMirror } from '../../../blocks/score/markdown'
export { ReviewParseError } from './frontMatter'
export { documentToMarkdown, markdownToDocument, normalizeDocument, readMarkdown } from './markdown'

export interface ParsedReview {
  meta: ReviewMeta
  doc: EditorDocument
  /** The Markdown after the front matter, line endings as LF. */
  body: string
  /** Problems the editor shows but keeps as written (see OpenedReview). */
  warnings: string[]
  /** The body's blocks with their source ranges: a save keeps the unchanged ones' bytes, a changed file is read again in part. */
  sourceBlocks: SourceBlocks
}

/**
 * Throws ReviewParseError when the file cannot be opened for editing; the message says why. The
 * meta is the front matter as written: its `score` may lag behind the body, which is the truth
 * (`scoreMirror(doc)`), until the next save.
 */
export function parseReview(file: Buffer, fallback: MetaFallback): ParsedReview {
  const { data, body } = readFrontMatter(file)
  const meta = metaFromYaml(data, fallback)
  return reviewOf(meta, body, readSourceBlocks(body))
}

/**
 * `file`, a later version of the review `previous` was parsed from (a save, another program's
 * edit), parsed by reading again only the blocks that changed (`rereadSourceBlocks`): what
 * `parseReview` gives, in a few milliseconds where it would take hundreds at 50,000 words.
 * Undefined when the file must be parsed whole.
 */
export function reparseReview(previous: ParsedReview, file: Uint8Array, fallback: MetaFallback): ParsedReview | undefined {
  const { data, body } = readFrontMatter(file)
  const sourceBlocks = rereadSourceBlocks(previous.sourceBlocks, body)
  return sourceBlocks && reviewOf(metaFromYaml(data, fallback), body, sourceBlocks)
}

/** A long review's meta and first blocks (`readFirstBlocks`), read before the rest. */
export interface FirstPart {
  meta: ReviewMeta
  blocks: SourceBlock[]
}

/** The meta and first blocks of a review whose body holds well over `atLeast` characters; undefined for a shorter or uncut one. */
export function readFirstPart(file: Uint8Array, fallback: MetaFallback, atLeast: number): FirstPart | undefined {
  const { data, body } = readFrontMatter(file)
  // A short body is read whole as fast.
  if (body.length < 2 * atLeast) return undefined
  const blocks = readFirstBlocks(body, atLeast)
  return blocks && { meta: metaFromYaml(data, fallback), blocks }
}

function reviewOf(meta: ReviewMeta, body: string, sourceBlocks: SourceBlocks): ParsedReview {
  const { doc, warnings } = documentOf(sourceBlocks)
  return { meta, doc, body, warnings, sourceBlocks }
}

/**
 * The whole file: front matter, a blank line and the body, ending with one newline. The front
 * matter's `score` is the body's overall score (`scoreMirror`), whatever `meta.score` says, and is
 * left out when the body has none.
 */
export function serializeReview(meta: ReviewMeta, doc: EditorDocument): string {
  const normalized = normalizeDocument(doc)
  const body = documentToMarkdown(normalized)
  return `${ownFrontMatter(meta, normalized)}${body && `\n${body}`}`
}

/** Verdict's own front matter block for `meta`, its `score` mirroring the body's overall score. */
function ownFrontMatter(meta: ReviewMeta, doc: EditorDocument): string {
  const { score: _stale, ...rest } = meta
  const score = scoreMirror(doc)
  return `---\n${metaToYaml(score ? { ...rest, score } : rest)}---\n`
}

export interface Revision {
  /** The whole file to write; when `changed` is false, the file's own text. */
  text: string
  changed: boolean
  /** The meta as written (its `updated` is bumped only where the file keeps one). */
  meta: ReviewMeta
}

/**
 * The file as it was plus the editor's changes, and nothing else (docs/format.md, "Your files,
 * untouched"): front matter keys whose value changed are edited in place (frontMatterEdit.ts),
 * body blocks the document still holds are written as their source bytes (bodyEdit.ts). `updated`
 * is set to `now` only when something changed and the file has an `updated` key; the front matter
 * `score` follows the body's overall score only when that changed; `published` stays the file's.
 * Line endings and a byte order mark stay as the file had them.
 */
export function reviseReview(file: Uint8Array, fallback: MetaFallback, meta: ReviewMeta, doc: EditorDocument, now: string, parsed?: SourceBlocks): Revision {
  const front = readFrontMatter(file)
  const read = metaFromYaml(front.data, fallback)
  // The blocks of this very file when main has them parsed (a review opened or saved lately).
  const original = parsed ?? readSourceBlocks(front.body)
  const blocks = normalizeDocument(doc).root.children.filter((block) => !(block.type === 'paragraph' && block.children.length === 0))
  const body = reviseBody(original, blocks)
  const before = scoreMirror({ root: { type: 'root', children: original.blocks.map(({ block }) => block) } })
  const after = scoreMirror({ root: { type: 'root', children: blocks } })
  const { published: _editorCopy, kept: _kept, ...edited } = meta
  const wanted: ReviewMeta = {
    ...edited,
    ...(read.published ? { published: read.published } : {}),
    ...(read.kept ? { kept: read.kept } : {}),
    score: sameValue(before, after) ? read.score : after,
    updated: read.updated,
  }
  if (!wanted.score) delete wanted.score
  let edits = metaEdits(front.data, read, wanted)
  if (!edits.length && !body.changed) return { text: fileText(front, front.text), changed: false, meta: read }
  if (Object.hasOwn(front.data, 'updated')) {
    wanted.updated = now
    edits = metaEdits(front.data, read, wanted)
  }
  const head = editFrontMatter(front.text.slice(0, front.head?.bodyStart ?? 0), front.head, edits, yamlEntry)
  const text = head + body.body
  // A file with no front matter whose edited body would read otherwise (blank, which reads as
  // damaged, or opening with `---` lines that read as a front matter block) gets Verdict's own front
  // matter above the body's bytes, so it opens as the review it is.
  const revised = front.head || readsAsBody(text, body.body) ? text : ownFrontMatter(wanted, { root: { type: 'root', children: blocks } }) + (body.body.trim() ? `\n${body.body}` : '')
  return { text: fileText(front, revised), changed: true, meta: wanted }
}

/** Whether `text` reads back as a file with no front matter and `body` as its body. */
function readsAsBody(text: string, body: string): boolean {
  try {
    const read = readFrontMatter(Buffer.from(text))
    return !read.head && read.body === body
  } catch {
    return false
  }
}

/** The text as the file writes it: its line endings and byte order mark. */
function fileText(front: FrontMatter, text: string): string {
  return (front.bom ? '\uFEFF' : '') + (front.eol === '\r\n' ? text.replaceAll('\n', '\r\n') : text)
}

/**
 * The file with only its front matter changed, in place: the body's bytes are kept as they are,
 * so main's own bookkeeping (the publish record) never reformats the critic's text.
 */
export function rewriteFrontMatter(file: Buffer, fallback: MetaFallback, change: (meta: ReviewMeta) => ReviewMeta): string {
  const front = readFrontMatter(file)
  const read = metaFromYaml(front.data, fallback)
  return rewriteReview(front, metaEdits(front.data, read, change(read)), front.body)
}

/**
 * The file with its front matter keys edited in place and `body` after it, in the file's line
 * endings and byte order mark (a merge's result: conflicts/reviewMerge.ts).
 */
export function rewriteReview(front: FrontMatter, edits: readonly KeyEdit[], body: string): string {
  const head = editFrontMatter(front.text.slice(0, front.head?.bodyStart ?? 0), front.head, edits, yamlEntry)
  return fileText(front, head + body)
}

/** The front matter's meta alone (the body is not parsed). */
export function readMeta(file: Buffer, fallback: MetaFallback): ReviewMeta {
  return metaFromYaml(readFrontMatter(file).data, fallback)
}

export function wordCountOf(doc: EditorDocument): number {
  return countWords(documentText(doc))
}
