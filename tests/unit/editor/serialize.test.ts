/**
 * The incremental serializer writes exactly what `editorState.toJSON()` writes, whatever the edits
 * between two serializations (typing, formatting, blocks added, moved and removed, undo), and
 * exports again only the blocks an edit touched.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { $createLinkNode, LinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list'
import { $createHeadingNode, $createQuoteNode, HeadingNode, QuoteNode } from '@lexical/rich-text'
import fc from 'fast-check'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  HISTORIC_TAG,
  type EditorState,
  type LexicalNode,
  type ParagraphNode,
  type SerializedEditorState,
  type TextNode,
  type UpdateListenerPayload,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import { fcOptions } from '../format/arbitraries'

interface Serializer {
  follow(update: UpdateListenerPayload): void
  toJSON(state: EditorState): SerializedEditorState
  prime(hasTime: () => boolean): boolean
}
// A renderer module, loaded by a path the type checker does not follow (see format/lexical.test.ts).
const { IncrementalSerializer } = (await import(/* @vite-ignore */ `../../../src/renderer/src/editor/${'serialize'}`)) as {
  IncrementalSerializer: new (state: EditorState) => Serializer
}

function setup() {
  const editor = createHeadlessEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
    onError: (error) => {
      throw error
    },
  })
  editor.update(
    () => {
      const root = $getRoot()
      for (let i = 0; i < 6; i++) root.append($createParagraphNode().append($createTextNode(`Paragraph ${i} `)))
      root.append($createHeadingNode('h2').append($createTextNode('A heading')))
      root.append($createListNode('bullet').append($createListItemNode().append($createTextNode('an item'))))
      root.append($createQuoteNode().append($createLinkNode('https://example.com').append($createTextNode('a link'))))
    },
    { discrete: true },
  )
  const serializer = new IncrementalSerializer(editor.getEditorState())
  editor.registerUpdateListener((update) => serializer.follow(update))
  return { editor, serializer }
}

/** Every node of the document, in order. */
function $nodes(): LexicalNode[] {
  const out: LexicalNode[] = []
  const walk = (node: LexicalNode): void => {
    out.push(node)
    if ($isElementNode(node)) node.getChildren().forEach(walk)
  }
  $getRoot().getChildren().forEach(walk)
  return out
}

type Edit =
  | { kind: 'type' | 'bold' | 'wrap-link' | 'new-block' | 'remove-block' | 'move-block' | 'heading'; at: number }
  | { kind: 'select' | 'undo' | 'serialize' }

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('type', 'bold', 'wrap-link', 'new-block', 'remove-block', 'move-block', 'heading'), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('select', 'undo', 'serialize') }),
) as fc.Arbitrary<Edit>

describe('IncrementalSerializer', () => {
  it('serializes the newest state as toJSON() does', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 25 }), (edits) => {
        const { editor, serializer } = setup()
        const history: EditorState[] = [editor.getEditorState()]
        for (const edit of edits) {
          if (edit.kind === 'undo') {
            editor.setEditorState(history[Math.floor(history.length / 2)]!, { tag: HISTORIC_TAG })
          } else if (edit.kind === 'serialize') {
            const state = editor.getEditorState()
            expect(serializer.toJSON(state)).toEqual(state.toJSON())
          } else {
            editor.update(
              () => {
                const root = $getRoot()
                const blocks = root.getChildren()
                const texts = $nodes().filter($isTextNode)
                const at = 'at' in edit ? edit.at : 0
                const block = blocks[at % blocks.length]!
                const text = texts[at % Math.max(1, texts.length)]
                if (edit.kind === 'select') root.selectEnd()
                else if (edit.kind === 'type' && text) text.setTextContent(`${text.getTextContent()}x`)
                else if (edit.kind === 'bold' && text) text.toggleFormat('bold')
                else if (edit.kind === 'wrap-link' && text && !$isElementNode(text.getParent()?.getParent() ?? null)) text.replace($createLinkNode('https://example.org').append($createTextNode(text.getTextContent())))
                else if (edit.kind === 'new-block') block.insertAfter($createParagraphNode().append($createTextNode('new')))
                else if (edit.kind === 'remove-block' && blocks.length > 1) block.remove()
                else if (edit.kind === 'move-block') root.append(block)
                else if (edit.kind === 'heading') block.replace($createHeadingNode('h3'), $isElementNode(block))
              },
              { discrete: true },
            )
            history.push(editor.getEditorState())
          }
        }
        const state = editor.getEditorState()
        expect(serializer.toJSON(state)).toEqual(state.toJSON())
        // An older state is serialized in full, still right.
        expect(serializer.toJSON(history[0]!)).toEqual(history[0]!.toJSON())
      }),
      fcOptions(300),
    )
  })

  it('exports again only the block typed in', () => {
    const { editor, serializer } = setup()
    const first = serializer.toJSON(editor.getEditorState())
    editor.update(
      () => {
        const text = $getRoot().getChildAtIndex<ParagraphNode>(3)!.getFirstChildOrThrow<TextNode>()
        text.setTextContent(`${text.getTextContent()}typed`)
      },
      { discrete: true },
    )
    const second = serializer.toJSON(editor.getEditorState())
    expect(second).toEqual(editor.getEditorState().toJSON())
    second.root.children.forEach((block, index) => {
      if (index === 3) expect(block).not.toEqual(first.root.children[3])
      else expect(block).toBe(first.root.children[index])
    })
  })

  it('exports ahead, in as many slices as it is given', () => {
    const { editor, serializer } = setup()
    let budget = 3
    expect(serializer.prime(() => budget-- > 0)).toBe(false)
    expect(serializer.prime(() => true)).toBe(true)
    const first = serializer.toJSON(editor.getEditorState())
    expect(first).toEqual(editor.getEditorState().toJSON())
    // Removing a block also writes its neighbour (whose sibling link changes); the rest is reused.
    editor.update(() => $getRoot().getFirstChildOrThrow().remove(), { discrete: true })
    const second = serializer.toJSON(editor.getEditorState())
    expect(second.root.children).toEqual(first.root.children.slice(1))
    second.root.children.slice(1).forEach((block, index) => expect(block).toBe(first.root.children[index + 2]))
  })
})
