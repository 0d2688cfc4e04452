import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { EditorDocument } from '../../src/shared/document'
import { HistoryService } from '../../src/main/services/history/history'
import { Library } from '../../src/main/services/library/library'
import { RecoveryJournal } from '../../src/main/services/recovery/journal'
import { ReviewWrites } from '../../src/main/services/recovery/writes'
import { followPlace } from '../../src/main/services/settings/place'
import { createSettingsService, type KeyValueBackend } from '../../src/main/services/settings/settings'
import { ReviewWatcher, type WatcherOptions } from '../../src/main/services/watch/watcher'
import type { AppEvent } from '../../src/shared/contract'
import { stateDirOf } from './machineState'

export const paragraphs = (...texts: string[]): EditorDocument => ({
  root: { type: 'root', children: texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] })) },
})

/** A library in a temp folder with the save path wired as the container does, on a clock the test moves. */
export async function workbench(prefix: string, watch: Omit<WatcherOptions, 'events'> = { mode: 'poll', pollMs: 0 }) {
  const root = await mkdtemp(join(tmpdir(), `verdict-${prefix}-`))
  const clock = { ms: Date.parse('2026-11-25T10:00:00Z') }
  const now = () => new Date(clock.ms)
  const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic', now })
  const libraries = { current: () => library }
  const logged: string[] = []
  const log = (message: string) => void logged.push(message)
  const events: AppEvent[] = []
  const history = new HistoryService({ libraries, now, log })
  const journal = new RecoveryJournal({ libraries, now, log })
  const watcher = new ReviewWatcher({ events: { emit: (e) => void events.push(e) }, debounceMs: 10, log, ...watch })
  watcher.useLibrary(root)
  // Settings kept in memory: only the place kept for the next start, which follows a moved folder.
  const store: KeyValueBackend = { store: {}, set: (values) => Object.assign(store.store, values) }
  const settings = createSettingsService(store)
  const writes = new ReviewWrites({ libraries, history, journal, watcher, log, moved: (from, to) => followPlace(settings, library, from, to) })

  async function editable(id: string) {
    const opened = await library.open(id)
    if (opened.kind !== 'editable') throw new Error(`expected ${id} to open: ${opened.reason}`)
    return opened
  }
  /** Opens, replaces the body, saves through the save path; returns the new hash. */
  async function saveText(id: string, ...texts: string[]) {
    const opened = await editable(id)
    return writes.save({ id, meta: opened.meta, doc: paragraphs(...texts), baseHash: opened.hash })
  }
  return { root, clock, library, libraries, history, journal, watcher, writes, settings, events, logged, editable, saveText }
}

export const MINUTE = 60_000

/**
 * Makes workbenches that are closed after each test: the watcher stopped, the library's background
 * index and search writes and the journal's let finish, and the folder removed.
 */
export function workbenchPerTest(prefix: string, watch?: Omit<WatcherOptions, 'events'>): () => Promise<Awaited<ReturnType<typeof workbench>>> {
  const made: Array<Awaited<ReturnType<typeof workbench>>> = []
  afterEach(async () => {
    for (const w of made.splice(0)) {
      w.watcher.close()
      await w.library.flushSearch()
      await w.library.flushIndex()
      w.library.close()
      await w.journal.idle()
      await rm(w.root, { recursive: true, force: true })
    }
  })
  return async () => {
    const w = await workbench(prefix, watch)
    made.push(w)
    return w
  }
}
