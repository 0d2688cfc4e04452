import { lazy, Suspense, type JSX } from 'react'
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedPartial,
} from 'lexical'
import type { RawBlockJSON } from '@shared/document'
import { $keepAsBlock } from '../placement'

const RawBlockComponent = lazy(() => import('./RawBlockComponent'))

export type SerializedRawBlockNode = RawBlockJSON & { version: 1 }

const DOM_ATTRIBUTE = 'data-verdict-raw-block'

/**
 * Markdown the editor cannot represent (tables, HTML, footnotes, code blocks). It is kept verbatim
 * so that opening and saving a review never loses any of it, and shown as editable source.
 */
export class RawBlockNode extends DecoratorNode<JSX.Element> {
  __markdown: string

  static override getType(): string {
    return 'raw-block'
  }

  static override clone(node: RawBlockNode): RawBlockNode {
    return new RawBlockNode(node.__markdown, node.__key)
  }

  static override transform(): (node: LexicalNode) => void {
    return $keepAsBlock
  }

  /** Partial: Lexical also reads compact JSON, where a default value is left out. */
  static override importJSON(json: SerializedPartial<SerializedRawBlockNode>): RawBlockNode {
    return $createRawBlockNode(json.markdown ?? '')
  }

  /** Copy and paste between reviews travels through HTML: a marked <pre> comes back as this node. */
  static override importDOM(): DOMConversionMap {
    return {
      pre: (element) =>
        element.hasAttribute(DOM_ATTRIBUTE)
          ? { conversion: (pre) => ({ node: $createRawBlockNode(pre.textContent ?? '') }), priority: 2 }
          : null,
    }
  }

  constructor(markdown = '', key?: NodeKey) {
    super(key)
    this.__markdown = markdown
  }

  override exportJSON(): SerializedRawBlockNode {
    return { type: 'raw-block', version: 1, markdown: this.getMarkdown() }
  }

  override exportDOM(): DOMExportOutput {
    const pre = $getDocument().createElement('pre')
    pre.setAttribute(DOM_ATTRIBUTE, '')
    pre.textContent = this.getMarkdown()
    return { element: pre }
  }

  override createDOM(): HTMLElement {
    const div = $getDocument().createElement('div')
    div.className = 'ed-raw-block'
    return div
  }

  override updateDOM(): false {
    return false
  }

  override isInline(): false {
    return false
  }

  override getTextContent(): string {
    return this.getMarkdown()
  }

  getMarkdown(): string {
    return this.getLatest().__markdown
  }

  setMarkdown(markdown: string): this {
    const writable = this.getWritable()
    writable.__markdown = markdown
    return writable
  }

  override decorate(): JSX.Element {
    return (
      <Suspense fallback={<pre className="raw-block-fallback">{this.__markdown}</pre>}>
        <RawBlockComponent nodeKey={this.getKey()} markdown={this.__markdown} />
      </Suspense>
    )
  }
}

export function $createRawBlockNode(markdown: string): RawBlockNode {
  return $applyNodeReplacement(new RawBlockNode(markdown))
}

export function $isRawBlockNode(node: LexicalNode | null | undefined): node is RawBlockNode {
  return node instanceof RawBlockNode
}
