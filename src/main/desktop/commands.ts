import { COMMANDS, reportProblemUrl, type CommandId, type Screen } from '../../shared/commands'
import type { AppEvent } from '../../shared/contract'

export interface CommandDeps {
  emit(event: AppEvent): void
  libraryRoot(): string
  logFile: string
  version: string
  openPath(path: string): Promise<void>
  openExternal(url: string): Promise<void>
  log(message: string, detail?: unknown): void
}

/** Runs a menu command: the renderer's travel to it as a `command` event, main's run here. */
export function createCommandRunner(deps: CommandDeps): (command: CommandId) => void {
  const inMain: Partial<Record<CommandId, () => Promise<void>>> = {
    showLibraryFolder: () => deps.openPath(deps.libraryRoot()),
    openLog: () => deps.openPath(deps.logFile),
    reportProblem: () => deps.openExternal(reportProblemUrl(deps.version)),
  }
  return (command) => {
    const run = COMMANDS[command].runsIn === 'main' ? inMain[command] : undefined
    if (!run) return deps.emit({ type: 'command', command })
    run().catch((error: unknown) => deps.log(`Menu: ${COMMANDS[command].label} failed`, error))
  }
}

/** What the renderer shows, as it reports it: its screen and whether focus mode is on. */
export interface Shown {
  screen: Screen
  focusMode: boolean
}

/** The renderer's `Shown`; the menu is rebuilt on each change. */
export class ScreenState {
  private shown: Shown = { screen: 'library', focusMode: false }
  private readonly listeners = new Set<(shown: Shown) => void>()

  current(): Screen {
    return this.shown.screen
  }

  focusMode(): boolean {
    return this.shown.focusMode
  }

  set(screen: Screen): void {
    this.change({ screen })
  }

  setFocusMode(on: boolean): void {
    this.change({ focusMode: on })
  }

  subscribe(listener: (shown: Shown) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private change(change: Partial<Shown>): void {
    const next = { ...this.shown, ...change }
    if (next.screen === this.shown.screen && next.focusMode === this.shown.focusMode) return
    this.shown = next
    for (const listener of this.listeners) listener(next)
  }
}
