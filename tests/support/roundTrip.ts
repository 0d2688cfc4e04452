/** Round trips of the Markdown writer and reader (src/main/services/format/markdown.ts). */
import { expect } from 'vitest'
import type { EditorDocument } from '../../src/shared/document'
import { documentToMarkdown, markdownToDocument, normalizeDocument } from '../../src/main/services/format/markdown'

/** Writes the document, checks the Markdown, and checks it reads back as the normalized document. */
export function writes(input: EditorDocument, markdown: string): void {
  expect(documentToMarkdown(input)).toBe(markdown)
  expect(markdownToDocument(markdown)).toEqual(normalizeDocument(input))
}
