import { lazy, Suspense, type JSX } from 'react'
import { $create, $getDocument, createState, type DOMConversionMap, type DOMExportOutput, type LexicalNode } from 'lexical'
import type { EmbedJSON } from '../model'
import { BlockDecoratorNode, defineFields } from '@renderer/editor/nodes/fieldsNode'
import './embed.css'

const EmbedComponent = lazy(() => import('./EmbedComponent'))

export type SerializedEmbedNode = EmbedJSON & { version: 1 }

const DOM_ATTRIBUTE = 'data-verdict-embed'

/**
 * The URL as the file holds it. One that `parseEmbedUrl` does not recognise is kept (and shown as
 * such) rather than dropped; new ones are checked before they are inserted.
 */
export const urlState = createState('url', { parse: (value) => (typeof value === 'string' ? value.slice(0, 2000) : '') })

const fields = defineFields<Pick<EmbedJSON, 'url'>>({ url: urlState })

/** A trailer or video, stored as its YouTube or Vimeo URL. The editor never loads the player. */
export class EmbedNode extends BlockDecoratorNode {
  override $config() {
    return this.config('embed', { extends: BlockDecoratorNode, stateConfigs: fields.stateConfigs })
  }

  static override importDOM(): DOMConversionMap {
    return {
      a: (element) =>
        element.hasAttribute(DOM_ATTRIBUTE)
          ? { conversion: (a) => ({ node: $createEmbedNode(a.getAttribute('href') ?? ''), forChild: () => null }), priority: 2 }
          : null,
    }
  }

  override exportJSON(): SerializedEmbedNode {
    return { type: 'embed', version: 1, url: this.getUrl() }
  }

  /** A plain link elsewhere: no iframe leaves the editor. */
  override exportDOM(): DOMExportOutput {
    const a = $getDocument().createElement('a')
    a.setAttribute(DOM_ATTRIBUTE, '')
    a.href = this.getUrl()
    a.textContent = this.getUrl()
    return { element: a }
  }

  override getTextContent(): string {
    return `${this.getUrl()}\n`
  }

  getUrl(): string {
    return fields.get(this).url
  }

  setUrl(url: string): this {
    return fields.set(this, { url })
  }

  override decorate(): JSX.Element {
    const url = this.getUrl()
    return (
      <Suspense fallback={<p className="embed-fallback">{url}</p>}>
        <EmbedComponent nodeKey={this.getKey()} url={url} />
      </Suspense>
    )
  }
}

export function $createEmbedNode(url: string): EmbedNode {
  return $create(EmbedNode).setUrl(url)
}

export function $isEmbedNode(node: LexicalNode | null | undefined): node is EmbedNode {
  return node instanceof EmbedNode
}
