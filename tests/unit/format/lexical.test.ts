/**
 * The renderer can load what the format service reads: a headless Lexical editor with the
 * editor's nodes accepts every document `markdownToDocument` produces, and its `toJSON()` is the
 * same document once normalized (which drops Lexical's layout defaults).
 */
import { readFileSync } from 'node:fs'
import { createHeadlessEditor } from '@lexical/headless'
import { HorizontalRuleNode } from '@lexical/extension'
import { LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import fc from 'fast-check'
import { DecoratorNode, type NodeKey, type SerializedEditorState, type SerializedLexicalNode } from 'lexical'
import { describe, expect, it } from 'vitest'
import type { EditorDocument } from '../../../src/shared/document'
import { documentToMarkdown, markdownToDocument, normalizeDocument, parseReview } from '../../../src/main/services/format'
import { documentArb, fcOptions } from './arbitraries'

type SerializedRawBlock = SerializedLexicalNode & { markdown: string }

/** Stand-in for the renderer's raw-block node: a block decorator holding the Markdown. */
class RawBlockNode extends DecoratorNode<null> {
  __markdown: string

  static override getType(): string {
    return 'raw-block'
  }

  static override clone(node: RawBlockNode): RawBlockNode {
    return new RawBlockNode(node.__markdown, node.__key)
  }

  static override importJSON(json: SerializedRawBlock): RawBlockNode {
    return new RawBlockNode(json.markdown)
  }

  constructor(markdown: string, key?: NodeKey) {
    super(key)
    this.__markdown = markdown
  }

  override exportJSON(): SerializedRawBlock {
    return { ...super.exportJSON(), type: 'raw-block', markdown: this.__markdown }
  }

  override decorate(): null {
    return null
  }

  override isInline(): false {
    return false
  }
}

const editor = createHeadlessEditor({
  nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HorizontalRuleNode, RawBlockNode],
  onError: (error) => {
    throw error
  },
})

function throughLexical(doc: EditorDocument): EditorDocument {
  const state = editor.parseEditorState(doc as unknown as SerializedEditorState)
  return state.toJSON() as unknown as EditorDocument
}

describe('Lexical loads what the format service reads', () => {
  it('loads both fixtures', () => {
    for (const name of ['complete.md', 'foreign.md']) {
      const file = readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
      const { doc } = parseReview(file, { title: name, created: '', updated: '' })
      expect(normalizeDocument(throughLexical(doc))).toEqual(doc)
    }
  })

  it('loads any document read back from Markdown', () => {
    fc.assert(
      fc.property(documentArb, (input) => {
        const doc = markdownToDocument(documentToMarkdown(input))
        expect(normalizeDocument(throughLexical(doc))).toEqual(doc)
      }),
      fcOptions(150),
    )
  })
})
