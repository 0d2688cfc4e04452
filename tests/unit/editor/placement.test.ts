/**
 * Blocks a paste puts inside text move out to where the review format keeps them (the top level,
 * or a spoiler), splitting what held them so the text keeps its order; otherwise no save succeeds.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { $createLinkNode, LinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list'
import { $createParagraphNode, $createTextNode, $getRoot, DecoratorNode, type ElementNode, type Klass, type LexicalNode } from 'lexical'
import { describe, expect, it } from 'vitest'

/** Renderer modules, loaded by a path the type checker does not follow (they belong to the DOM-typed program). */
async function fromRenderer<T>(path: string, name: string): Promise<T> {
  const module = (await import(/* @vite-ignore */ `../../../src/${path}`)) as Record<string, T>
  return module[name]!
}
const $keepAsBlock = await fromRenderer<(node: LexicalNode) => void>('renderer/src/editor/nodes/placement', '$keepAsBlock')
const SpoilerNode = await fromRenderer<Klass<ElementNode>>('blocks/spoiler/editor/SpoilerNode', 'SpoilerNode')

/** Stands in for the image node (which renders React): a block decorator with the same transform. */
class BlockNode extends DecoratorNode<null> {
  static override getType(): string {
    return 'image'
  }
  static override clone(node: BlockNode): BlockNode {
    return new BlockNode(node.__key)
  }
  static override transform(): (node: LexicalNode) => void {
    return $keepAsBlock
  }
  override decorate(): null {
    return null
  }
  override isInline(): false {
    return false
  }
}

/** Builds the root's children in one update (the transforms run as it commits); returns the document's shape. */
function shapeAfter(build: () => LexicalNode[]): unknown {
  const editor = createHeadlessEditor({ nodes: [LinkNode, ListNode, ListItemNode, SpoilerNode, BlockNode], onError: (error) => { throw error } })
  editor.update(() => void $getRoot().clear().append(...build()), { discrete: true })
  const shape = (node: LexicalNode): unknown => {
    const children = 'getChildren' in node ? (node as ElementNode).getChildren().map(shape) : undefined
    const type = node.getType()
    return type === 'text' ? node.getTextContent() : children ? { [type]: children } : type
  }
  return editor.getEditorState().read(() => $getRoot().getChildren().map(shape))
}

const paragraph = (...children: LexicalNode[]) => $createParagraphNode().append(...children)
const text = (value: string) => $createTextNode(value)

describe('$keepAsBlock', () => {
  it('splits a paragraph around a block inside it', () => {
    expect(shapeAfter(() => [paragraph(text('before'), new BlockNode(), text('after'))])).toEqual([
      { paragraph: ['before'] },
      'image',
      { paragraph: ['after'] },
    ])
  })

  it('leaves no empty paragraph behind, and moves a block out of a link and a list item too', () => {
    expect(shapeAfter(() => [paragraph(new BlockNode())])).toEqual(['image'])
    expect(shapeAfter(() => [paragraph($createLinkNode('https://example.com').append(text('a'), new BlockNode(), text('b')))])).toEqual([
      { paragraph: [{ link: ['a'] }] },
      'image',
      { paragraph: [{ link: ['b'] }] },
    ])
    const list = () =>
      $createListNode('bullet').append($createListItemNode().append(text('one'), new BlockNode(), text('two')), $createListItemNode().append(text('three')))
    expect(shapeAfter(() => [list()])).toEqual([
      { list: [{ listitem: ['one'] }] },
      'image',
      { list: [{ listitem: ['two'] }, { listitem: ['three'] }] },
    ])
  })

  it('keeps a block where it may be: the top level and a spoiler', () => {
    expect(shapeAfter(() => [paragraph(text('a')), new BlockNode()])).toEqual([{ paragraph: ['a'] }, 'image'])
    expect(shapeAfter(() => [new SpoilerNode().append(paragraph(text('hidden'), new BlockNode()))])).toEqual([
      { spoiler: [{ paragraph: ['hidden'] }, 'image'] },
    ])
  })
})
