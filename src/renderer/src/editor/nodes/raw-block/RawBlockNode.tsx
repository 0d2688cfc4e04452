import { lazy, Suspense, type JSX } from 'react'
import { $create, $getDocument, createState, type DOMConversionMap, type DOMExportOutput, type LexicalNode } from 'lexical'
import type { RawBlockJSON } from '@shared/document'
import { BlockDecoratorNode, defineFields } from '../fieldsNode'
import { $keepAsBlock } from '../placement'

const RawBlockComponent = lazy(() => import('./RawBlockComponent'))

export type SerializedRawBlockNode = RawBlockJSON & { version: 1 }

const DOM_ATTRIBUTE = 'data-verdict-raw-block'

const markdownState = createState('markdown', { parse: (value) => (typeof value === 'string' ? value : '') })
const fields = defineFields<Pick<RawBlockJSON, 'markdown'>>({ markdown: markdownState })

/**
 * Markdown the editor cannot represent (tables, HTML, footnotes, code blocks). It is kept verbatim
 * so that opening and saving a review never loses any of it, and shown as editable source.
 */
export class RawBlockNode extends BlockDecoratorNode {
  override $config() {
    // Lexical also reads compact JSON, where a default value is left out: the empty Markdown.
    return this.config('raw-block', { extends: BlockDecoratorNode, stateConfigs: fields.stateConfigs, $transform: $keepAsBlock })
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

  override exportJSON(): SerializedRawBlockNode {
    return { type: 'raw-block', version: 1, markdown: this.getMarkdown() }
  }

  override exportDOM(): DOMExportOutput {
    const pre = $getDocument().createElement('pre')
    pre.setAttribute(DOM_ATTRIBUTE, '')
    pre.textContent = this.getMarkdown()
    return { element: pre }
  }

  override getTextContent(): string {
    return this.getMarkdown()
  }

  getMarkdown(): string {
    return fields.get(this).markdown
  }

  setMarkdown(markdown: string): this {
    return fields.set(this, { markdown })
  }

  override decorate(): JSX.Element {
    const markdown = this.getMarkdown()
    return (
      <Suspense fallback={<pre className="raw-block-fallback">{markdown}</pre>}>
        <RawBlockComponent nodeKey={this.getKey()} markdown={markdown} />
      </Suspense>
    )
  }
}

export function $createRawBlockNode(markdown: string): RawBlockNode {
  return $create(RawBlockNode).setMarkdown(markdown)
}

export function $isRawBlockNode(node: LexicalNode | null | undefined): node is RawBlockNode {
  return node instanceof RawBlockNode
}
