/** The review file format: `review.md` = YAML front matter + Markdown body (docs/format.md). */
import { documentText, type EditorDocument } from '../../../shared/document'
import type { ReviewMeta } from '../../../shared/model'
import { countWords } from '../../../shared/text'
import { readFrontMatter } from './frontMatter'
import { documentToMarkdown, markdownToDocument } from './markdown'
import { metaFromYaml, metaToYaml, type MetaFallback } from './meta'

export { ReviewParseError } from './frontMatter'
export { documentToMarkdown, markdownToDocument, normalizeDocument } from './markdown'

export interface ParsedReview {
  meta: ReviewMeta
  doc: EditorDocument
  /** The Markdown after the front matter, line endings as LF. */
  body: string
  /** Problems the editor shows but keeps as written (see OpenedReview). */
  warnings: string[]
}

/** Throws ReviewParseError when the file cannot be opened for editing; the message says why. */
export function parseReview(file: Buffer, fallback: MetaFallback): ParsedReview {
  const { data, body } = readFrontMatter(file)
  return { meta: metaFromYaml(data, fallback), doc: markdownToDocument(body), body, warnings: [] }
}

/** The whole file: front matter, a blank line and the body, ending with one newline. */
export function serializeReview(meta: ReviewMeta, doc: EditorDocument): string {
  const body = documentToMarkdown(doc)
  return `---\n${metaToYaml(meta)}---\n${body && `\n${body}`}`
}

export function wordCountOf(doc: EditorDocument): number {
  return countWords(documentText(doc))
}
