import { lazy, Suspense, type JSX } from 'react'
import { $create, $getDocument, createState, DecoratorNode, type DOMConversionMap, type DOMExportOutput, type LexicalNode } from 'lexical'
import type { InlineImageJSON } from '@shared/document'
import { defineFields, readFieldsAttribute } from '../fieldsNode'
import './inline-image.css'

const InlineImageComponent = lazy(() => import('./InlineImageComponent'))

export type SerializedInlineImageNode = InlineImageJSON & { version: 1 }
export type InlineImageFields = Omit<InlineImageJSON, 'type' | 'version'>

const DOM_ATTRIBUTE = 'data-verdict-inline-image'
const MAX_TEXT = 5000

const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : '')

/** `src` and `markdown` are kept exactly as the file wrote them: main writes the image back from them (format/inlineImage.ts). */
const fields = defineFields<InlineImageFields>({
  src: createState('src', { parse: text }),
  alt: createState('alt', { parse: text }),
  title: createState('title', { parse: (value) => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : null) }),
  markdown: createState('markdown', { parse: (value) => (typeof value === 'string' ? value : '') }),
})

/** The accessible name of an image: its alt text, else "Image" and its file's name. */
export function inlineImageName({ alt, src }: Pick<InlineImageFields, 'alt' | 'src'>): string {
  return alt.trim() || `Image ${src.split('/').at(-1) ?? src}`.trim()
}

/** An image inside text (`a ![still](x.jpg) b`): one unit in the line, selected and deleted whole. */
export class InlineImageNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('inline-image', { extends: DecoratorNode, stateConfigs: fields.stateConfigs })
  }

  /** Only Verdict's own: an arbitrary pasted <img> points at files this review does not have. */
  static override importDOM(): DOMConversionMap {
    return {
      span: (element) =>
        element.hasAttribute(DOM_ATTRIBUTE)
          ? {
              conversion: (span) => {
                const fields = readFieldsAttribute<InlineImageFields>(span, DOM_ATTRIBUTE)
                return fields ? { node: $createInlineImageNode(fields), forChild: () => null } : { node: null }
              },
              priority: 2,
            }
          : null,
    }
  }

  override createDOM(): HTMLElement {
    const span = $getDocument().createElement('span')
    span.className = 'ed-inline-image'
    return span
  }

  override updateDOM(): false {
    return false
  }

  override isInline(): true {
    return true
  }

  override exportJSON(): SerializedInlineImageNode {
    return { type: 'inline-image', version: 1, ...this.getFields() }
  }

  /** No <img>: its path means nothing outside this review, and must not be fetched. */
  override exportDOM(): DOMExportOutput {
    const span = $getDocument().createElement('span')
    const fields = this.getFields()
    span.setAttribute(DOM_ATTRIBUTE, JSON.stringify(fields))
    span.textContent = fields.alt
    return { element: span }
  }

  override getTextContent(): string {
    return this.getFields().alt
  }

  getFields(): InlineImageFields {
    return fields.get(this)
  }

  /** Sets any fields, each through its state's parse. */
  setFields(patch: Partial<InlineImageFields>): this {
    return fields.set(this, patch)
  }

  override decorate(): JSX.Element {
    const fields = this.getFields()
    return (
      <Suspense fallback={<span className="inline-image-fallback">{inlineImageName(fields)}</span>}>
        <InlineImageComponent nodeKey={this.getKey()} fields={fields} />
      </Suspense>
    )
  }
}

export function $createInlineImageNode(fields: Partial<InlineImageFields>): InlineImageNode {
  return $create(InlineImageNode).setFields(fields)
}

export function $isInlineImageNode(node: LexicalNode | null | undefined): node is InlineImageNode {
  return node instanceof InlineImageNode
}
