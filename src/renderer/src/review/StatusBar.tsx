import { readingTimeLabel, type TextMeasure } from '@shared/text'
import { OutboxIndicator } from '@renderer/publish/OutboxIndicator'
import type { SaveState } from './saver'

const SAVE_LABELS = { saved: 'Saved', saving: 'Saving…' } as const

export function StatusBar({ text, wordsPerMinute, save }: { text: TextMeasure | null; wordsPerMinute: number; save: SaveState }) {
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
