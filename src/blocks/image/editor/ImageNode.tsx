import { lazy, Suspense, type JSX } from 'react'
import { $create, $getDocument, $getState, createState, type DOMConversionMap, type DOMExportOutput, type LexicalNode } from 'lexical'
import { IMAGE_WIDTHS, isImageSource, type ImageWidth } from '@shared/critic'
import type { ImageJSON } from '../model'
import { BlockDecoratorNode, defineFields, readFieldsAttribute } from '@renderer/editor/nodes/fieldsNode'
import { $keepAsBlock } from '@renderer/editor/nodes/placement'
import './image.css'

const ImageComponent = lazy(() => import('./ImageComponent'))

export type SerializedImageNode = ImageJSON & { version: 1 }
export type ImageFields = Omit<ImageJSON, 'type' | 'version'>

const DOM_ATTRIBUTE = 'data-verdict-image'
const MAX_TEXT = 5000

const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : '')

/**
 * `src` is kept exactly as the file wrote it, even when it is not a safe path inside the review:
 * the component then refuses to load it and says why, and the file is never silently rewritten.
 */
export const srcState = createState('src', { parse: text })
export const altState = createState('alt', { parse: text })
export const captionState = createState('caption', { parse: text })
export const creditState = createState('credit', { parse: text })
export const widthState = createState('width', {
  parse: (value): ImageWidth => ((IMAGE_WIDTHS as readonly unknown[]).includes(value) ? (value as ImageWidth) : 'inline'),
})

const fields = defineFields<ImageFields>({ src: srcState, alt: altState, caption: captionState, credit: creditState, width: widthState })

/** An image of the review's own assets, with alt text, caption, credit line and width. */
export class ImageNode extends BlockDecoratorNode {
  override $config() {
    return this.config('image', {
      extends: BlockDecoratorNode,
      stateConfigs: fields.stateConfigs,
      $transform: $keepAsBlock,
    })
  }

  /** Only Verdict's own figures: an arbitrary pasted <img> points at files this review does not have. */
  static override importDOM(): DOMConversionMap {
    return {
      figure: (element) =>
        element.hasAttribute(DOM_ATTRIBUTE)
          ? {
              conversion: (figure) => {
                const fields = readFieldsAttribute<ImageFields>(figure, DOM_ATTRIBUTE)
                if (!fields) return { node: null }
                // A path out of the review and its site could never be saved: such a figure was not made by Verdict.
                if (!isImageSource(text(fields.src))) return { node: null, forChild: () => null }
                return { node: $createImageNode(fields), forChild: () => null }
              },
              priority: 2,
            }
          : null,
    }
  }

  override exportJSON(): SerializedImageNode {
    return { type: 'image', version: 1, ...this.getFields() }
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument()
    const fields = this.getFields()
    const figure = doc.createElement('figure')
    figure.setAttribute(DOM_ATTRIBUTE, JSON.stringify(fields))
    // No <img>: its relative path means nothing outside this review, and must not be fetched.
    const caption = doc.createElement('figcaption')
    caption.textContent = [fields.caption || fields.alt, fields.credit && `Image: ${fields.credit}`].filter(Boolean).join(' — ')
    figure.append(caption)
    return { element: figure }
  }

  override getTextContent(): string {
    return `${this.getFields().caption}\n`
  }

  getFields(): ImageFields {
    return fields.get(this)
  }

  getSrc(): string {
    return $getState(this, srcState)
  }

  /** Sets any fields, each through its state's parse. */
  setFields(patch: Partial<ImageFields>): this {
    return fields.set(this, patch)
  }

  override decorate(): JSX.Element {
    const fields = this.getFields()
    return (
      <Suspense fallback={<div className="image-fallback">{fields.alt || fields.src}</div>}>
        <ImageComponent nodeKey={this.getKey()} fields={fields} />
      </Suspense>
    )
  }
}

export function $createImageNode(fields: Partial<ImageFields>): ImageNode {
  return $create(ImageNode).setFields(fields)
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode
}
