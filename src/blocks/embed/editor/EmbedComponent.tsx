import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useLexicalEditable } from '@lexical/react/useLexicalEditable'
import type { NodeKey } from 'lexical'
import { parseEmbedUrl } from '@shared/critic'
import { Icon } from '@renderer/components/Icon'
import { RemoveBlockButton } from '@renderer/editor/nodes/RemoveBlockButton'
import { OPEN_EMBED_DIALOG_COMMAND } from './EmbedPlugin'

const PROVIDERS = { youtube: 'YouTube', vimeo: 'Vimeo' } as const

/**
 * A poster card for a trailer: provider, address and a link that opens it in the browser. No iframe
 * and no thumbnail, so writing offline makes no network request at all.
 */
export default function EmbedComponent({ nodeKey, url }: { nodeKey: NodeKey; url: string }) {
  const [editor] = useLexicalComposerContext()
  const editable = useLexicalEditable()
  const target = parseEmbedUrl(url)
  const provider = target ? PROVIDERS[target.provider] : null

  return (
    <div className={`embed-card critic-card${target ? ` embed-${target.provider}` : ' embed-unknown'}`} role="group" aria-label="Trailer">
      <div className="embed-poster" aria-hidden="true">
        <span className="embed-play">
          <svg viewBox="0 0 24 24" focusable="false">
            <path d="M8 5.5v13l10.5-6.5z" />
          </svg>
        </span>
      </div>
      <div className="embed-info">
        <p className="embed-kicker">Trailer{provider ? ` · ${provider}` : ''}</p>
        <p className="address-line embed-url">{url || 'No address'}</p>
        {!target && (
          <p className="embed-problem">
            <Icon name="warning" size={14} /> Not a YouTube or Vimeo video address: it will be published as a plain link.
          </p>
        )}
        <div className="embed-actions">
          {target && (
            <a className="button" href={url} target="_blank" rel="noopener noreferrer">
              <Icon name="open" size={16} /> Open trailer
            </a>
          )}
          <button
            type="button"
            className="button button-quiet"
            disabled={!editable}
            onClick={() => editor.dispatchCommand(OPEN_EMBED_DIALOG_COMMAND, { nodeKey, url })}
          >
            Change address…
          </button>
          <RemoveBlockButton nodeKey={nodeKey} label="Remove trailer" />
        </div>
      </div>
    </div>
  )
}
