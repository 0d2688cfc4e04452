import type { ReviewMeta } from '@shared/model'
import { Icon } from '@renderer/components/Icon'
import { MenuButton } from '@renderer/components/MenuButton'
import { StatusBadge } from '@renderer/components/StatusBadge'
import { PreviewToggle } from '@renderer/preview/PreviewToggle'

interface Props {
  meta: ReviewMeta
  showPreview: boolean
  showHistory: boolean
  showDetails: boolean
  onClose: () => void
  onTogglePreview: () => void
  onToggleHistory: () => void
  onToggleDetails: () => void
  onExport: () => void
  onPublish: () => void
}

/** The review screen's top bar: back to the library, the title, and the screen's actions and panels. */
export function ReviewTopBar({ meta, showPreview, showHistory, showDetails, onClose, onTogglePreview, onToggleHistory, onToggleDetails, onExport, onPublish }: Props) {
  return (
    <header className="topbar">
      <button type="button" className="button button-quiet" onClick={onClose}>
        <Icon name="back" /> Library
      </button>
      {/* Cut with an ellipsis when long; the tooltip carries the whole title. */}
      <h1 className="topbar-title" title={meta.title || undefined}>
        {meta.title || 'Untitled review'}
      </h1>
      <StatusBadge status={meta.status} />
      <PreviewToggle className="push-left" open={showPreview} onToggle={onTogglePreview} />
      {/* In a narrow window (or zoomed in) these two go into the More menu, so Publish stays on screen. */}
      <button type="button" className="button button-quiet topbar-action topbar-collapsible" aria-pressed={showHistory} onClick={onToggleHistory}>
        History
      </button>
      <button type="button" className="button button-quiet topbar-action topbar-collapsible" onClick={onExport}>
        Export…
      </button>
      <MenuButton
        className="topbar-more"
        label={<Icon name="more" />}
        buttonLabel="More actions"
        menuLabel="More actions"
        items={[
          { id: 'history', name: showHistory ? 'Hide history' : 'History', onChoose: onToggleHistory },
          { id: 'export', name: 'Export…', onChoose: onExport },
        ]}
      />
      <button type="button" className="button button-primary topbar-action" onClick={onPublish}>
        Publish
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Details panel"
        aria-pressed={showDetails}
        title="Show or hide the details panel"
        onClick={onToggleDetails}
      >
        <Icon name="panel" />
      </button>
    </header>
  )
}
