import { readingTimeLabel } from '@shared/text'
import { OutboxIndicator } from '@renderer/publish/OutboxIndicator'
import type { SaveState } from './saver'

const SAVE_LABELS = { saved: 'Saved', saving: 'Saving…' } as const

export function StatusBar({ words, wordsPerMinute, save }: { words: number | null; wordsPerMinute: number; save: SaveState }) {
  return (
    <footer className="status-bar">
      <span className="status-counts">
        {words === null ? 'Counting…' : `${words.toLocaleString()} ${words === 1 ? 'word' : 'words'} · ${readingTimeLabel(words, wordsPerMinute)}`}
      </span>
      <OutboxIndicator className="status-outbox" />
      <span role="status" aria-live="polite" className={`save-state save-${save.kind}`}>
        {save.kind === 'error' ? `Error: ${save.message}` : SAVE_LABELS[save.kind]}
      </span>
    </footer>
  )
}
