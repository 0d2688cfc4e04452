import {
  $create,
  $createParagraphNode,
  $getDocument,
  $getState,
  $setState,
  createState,
  ElementNode,
  isHTMLElement,
  setDOMUnmanaged,
  type DOMConversionMap,
  type DOMExportOutput,
  type ElementDOMSlot,
  type LexicalNode,
  type SerializedElementNode,
} from 'lexical'
import { DEFAULT_SPOILER_LABEL, type SpoilerJSON } from '../model'
import './spoiler.css'

/** The document shape; Lexical fills `children` in after exportJSON. */
export type SerializedSpoilerNode = Omit<SpoilerJSON, 'children'> & SerializedElementNode & { type: 'spoiler'; version: 1 }

const DOM_ATTRIBUTE = 'data-verdict-spoiler'

export const labelState = createState('label', {
  parse: (value) => (typeof value === 'string' && value.trim() !== '' ? value.slice(0, 300) : DEFAULT_SPOILER_LABEL),
})

/** Class names of the parts createDOM builds: the header is the plugin's (a React portal), the body Lexical's. */
export const SPOILER_HEAD_CLASS = 'ed-spoiler-head'
export const SPOILER_OPEN_CLASS = 'ed-spoiler-open'

/**
 * A block of the review hidden until the reader asks (docs/format.md, "Spoiler"): it holds
 * paragraphs, headings, lists, quotes, rules, images and raw Markdown, never another spoiler or a
 * top-level block (score, embed, pull quote) — its transform (normalize.ts) keeps it so. A shadow root,
 * like a table cell: Backspace at its start does not merge its text out of it.
 */
export class SpoilerNode extends ElementNode {
  override $config() {
    return this.config('spoiler', {
      extends: ElementNode,
      stateConfigs: [{ flat: true, stateConfig: labelState }],
    })
  }

  static override importDOM(): DOMConversionMap {
    return {
      details: (element) =>
        element.hasAttribute(DOM_ATTRIBUTE)
          ? {
              conversion: (details) => {
                const summary = details.querySelector(':scope > summary')
                return { node: $createSpoilerNode(summary?.textContent ?? '') }
              },
              priority: 2,
            }
          : null,
      // The label travels in <summary>: it is not content.
      summary: (element) =>
        element.parentElement?.hasAttribute(DOM_ATTRIBUTE)
          ? { conversion: () => ({ node: null, forChild: () => null }), priority: 2 }
          : null,
    }
  }

  override exportJSON(): SerializedSpoilerNode {
    return {
      type: 'spoiler',
      version: 1,
      direction: this.getDirection(),
      format: this.getFormatType(),
      indent: this.getIndent(),
      label: this.getLabel(),
      children: [],
    }
  }

  override exportDOM(): DOMExportOutput {
    const doc = $getDocument()
    const details = doc.createElement('details')
    details.setAttribute(DOM_ATTRIBUTE, '')
    const summary = doc.createElement('summary')
    summary.textContent = this.getLabel()
    details.append(summary)
    return { element: details }
  }

  /**
   * `<section><div head (unmanaged, not editable)/><div body (Lexical's children)/></section>`.
   * Collapsed unless SpoilerPlugin marks it open; that is view state, never saved.
   */
  override createDOM(): HTMLElement {
    const doc = $getDocument()
    const section = doc.createElement('section')
    section.className = 'ed-spoiler'
    const head = doc.createElement('div')
    head.className = `${SPOILER_HEAD_CLASS} critic-card`
    head.contentEditable = 'false'
    setDOMUnmanaged(head, { captureSelection: true })
    const body = doc.createElement('div')
    body.className = 'ed-spoiler-body'
    section.append(head, body)
    return section
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    const body = element.lastElementChild
    return isHTMLElement(body) ? super.getDOMSlot(element).withElement(body) : super.getDOMSlot(element)
  }

  override updateDOM(): false {
    return false
  }

  override isShadowRoot(): true {
    return true
  }

  override canIndent(): false {
    return false
  }

  override canBeEmpty(): false {
    return false
  }

  getLabel(): string {
    return $getState(this, labelState)
  }

  setLabel(label: string): this {
    return $setState(this, labelState, labelState.parse(label))
  }
}

export function $createSpoilerNode(label = DEFAULT_SPOILER_LABEL): SpoilerNode {
  return $create(SpoilerNode).setLabel(label)
}

/** A new spoiler holding one empty paragraph, ready to be typed into. */
export function $createEmptySpoilerNode(): SpoilerNode {
  return $createSpoilerNode().append($createParagraphNode())
}

export function $isSpoilerNode(node: LexicalNode | null | undefined): node is SpoilerNode {
  return node instanceof SpoilerNode
}
