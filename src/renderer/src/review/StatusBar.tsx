import { readingTimeLabel } from '@shared/text'
import type { LatestDocument } from '@renderer/preview/latestDocument'
import { useWordCount } from '@renderer/preview/useWordCount'
import { OutboxIndicator } from '@renderer/publish/OutboxIndicator'
import type { SaveState } from './saver'

const SAVE_LABELS = { saved: 'Saved', saving: 'Saving…' } as const

/** The review's word count and reading time (counted here: a new count re-renders the bar alone), and its save state. */
export function StatusBar({ doc, wordsPerMinute, save }: { doc: LatestDocument; wordsPerMinute: number; save: SaveState }) {
  const text = useWordCount(doc)
  return (
    <footer className="status-bar">
      <span className="status-counts">
        {text === null ? 'Counting…' : `${text.words.toLocaleString()} ${text.words === 1 ? 'word' : 'words'} · ${readingTimeLabel(text, wordsPerMinute)}`}
      </span>
      <OutboxIndicator className="status-outbox" />
      <span role="status" aria-live="polite" className={`save-state save-${save.kind}`}>
        {save.kind === 'error' ? `Error: ${save.message}` : SAVE_LABELS[save.kind]}
      </span>
    </footer>
  )
}
