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

/** The screen the renderer shows, as it reports it; the menu is rebuilt on each change. */
export class ScreenState {
  private screen: Screen = 'library'
  private readonly listeners = new Set<(screen: Screen) => void>()

  current(): Screen {
    return this.screen
  }

  set(screen: Screen): void {
    if (screen === this.screen) return
    this.screen = screen
    for (const listener of this.listeners) listener(screen)
  }

  subscribe(listener: (screen: Screen) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
