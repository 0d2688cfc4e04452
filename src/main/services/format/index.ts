/** The review file format: `review.md` = YAML front matter + Markdown body (docs/format.md). */
import { documentText, type EditorDocument } from '../../../shared/document'
import type { ReviewMeta } from '../../../shared/model'
import { countWords } from '../../../shared/text'
import { readFrontMatter } from './frontMatter'
import { scoreMirror } from './critic'
import { documentToMarkdown, normalizeDocument, readMarkdown } from './markdown'
import { metaFromYaml, metaToYaml, type MetaFallback } from './meta'

export { referencedAssets } from './assets'
export { scoreMirror, scoreWarnings } from './critic'
export { ReviewParseError } from './frontMatter'
export { documentToMarkdown, markdownToDocument, normalizeDocument, readMarkdown } from './markdown'

export interface ParsedReview {
  meta: ReviewMeta
  doc: EditorDocument
  /** The Markdown after the front matter, line endings as LF. */
  body: string
  /** Problems the editor shows but keeps as written (see OpenedReview). */
  warnings: string[]
}

/**
 * Throws ReviewParseError when the file cannot be opened for editing; the message says why. The
 * meta is the front matter as written: its `score` may lag behind the body, which is the truth
 * (`scoreMirror(doc)`), until the next save.
 */
export function parseReview(file: Buffer, fallback: MetaFallback): ParsedReview {
  const { data, body } = readFrontMatter(file)
  const meta = metaFromYaml(data, fallback)
  const { doc, warnings } = readMarkdown(body)
  return { meta, doc, body, warnings }
}

/**
 * The whole file: front matter, a blank line and the body, ending with one newline. The front
 * matter's `score` is the body's overall score (`scoreMirror`), whatever `meta.score` says, and is
 * left out when the body has none.
 */
export function serializeReview(meta: ReviewMeta, doc: EditorDocument): string {
  const normalized = normalizeDocument(doc)
  const { score: _stale, ...rest } = meta
  const score = scoreMirror(normalized)
  const body = documentToMarkdown(normalized)
  return `---\n${metaToYaml(score ? { ...rest, score } : rest)}---\n${body && `\n${body}`}`
}

/**
 * The file with only its front matter changed: the body's bytes are kept as they are (not
 * re-serialised), so main's own bookkeeping (the publish record) never reformats the critic's text.
 */
export function rewriteFrontMatter(file: Buffer, fallback: MetaFallback, change: (meta: ReviewMeta) => ReviewMeta): string {
  const { data, body } = readFrontMatter(file)
  return `---\n${metaToYaml(change(metaFromYaml(data, fallback)))}---\n${body}`
}

/** The front matter's meta alone (the body is not parsed). */
export function readMeta(file: Buffer, fallback: MetaFallback): ReviewMeta {
  return metaFromYaml(readFrontMatter(file).data, fallback)
}

export function wordCountOf(doc: EditorDocument): number {
  return countWords(documentText(doc))
}
