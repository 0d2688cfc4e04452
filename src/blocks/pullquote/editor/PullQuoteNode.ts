import {
  $create,
  $createParagraphNode,
  $getDocument,
  ElementNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical'
import type { PullQuoteJSON } from '../model'
import './pullquote.css'

/** The document shape; Lexical fills `children` in after exportJSON. */
export type SerializedPullQuoteNode = Omit<PullQuoteJSON, 'children'> & SerializedElementNode & { type: 'pullquote'; version: 1 }

const DOM_ATTRIBUTE = 'data-verdict-pullquote'

/**
 * A line lifted from the review and set large: inline text, like a quote, but a display element of
 * its own (docs/format.md, "Pull quote"). Enter leaves it; Backspace at its start turns it back into
 * a paragraph.
 */
export class PullQuoteNode extends ElementNode {
  override $config() {
    return this.config('pullquote', { extends: ElementNode })
  }

  static override importDOM(): DOMConversionMap {
    return {
      aside: (element) =>
        element.hasAttribute(DOM_ATTRIBUTE) ? { conversion: () => ({ node: $createPullQuoteNode() }), priority: 2 } : null,
    }
  }

  override exportJSON(): SerializedPullQuoteNode {
    return {
      type: 'pullquote',
      version: 1,
      direction: this.getDirection(),
      format: this.getFormatType(),
      indent: this.getIndent(),
      children: [],
    }
  }

  override exportDOM(): DOMExportOutput {
    const aside = $getDocument().createElement('aside')
    aside.setAttribute(DOM_ATTRIBUTE, '')
    return { element: aside }
  }

  override createDOM(): HTMLElement {
    const aside = $getDocument().createElement('aside')
    aside.className = 'ed-pullquote'
    aside.setAttribute('aria-label', 'Pull quote')
    return aside
  }

  override updateDOM(): false {
    return false
  }

  override canIndent(): false {
    return false
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode()
    this.insertAfter(paragraph, restoreSelection)
    return paragraph
  }

  override collapseAtStart(): true {
    const paragraph = $createParagraphNode()
    this.getChildren().forEach((child) => paragraph.append(child))
    this.replace(paragraph)
    return true
  }
}

export function $createPullQuoteNode(): PullQuoteNode {
  return $create(PullQuoteNode)
}

export function $isPullQuoteNode(node: LexicalNode | null | undefined): node is PullQuoteNode {
  return node instanceof PullQuoteNode
}
