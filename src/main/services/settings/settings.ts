import { DEFAULT_SETTINGS, type Settings } from '../../../shared/model'

/** The part of conf's API we use; electron-store (in the app) and conf (under Node) both have it. */
export interface KeyValueBackend {
  readonly store: Partial<Settings>
  set(values: Partial<Settings>): void
}

export interface SettingsService {
  get(): Settings
  update(patch: Partial<Settings>): Settings
  /** Moves `path` to the front of the recent libraries (at most 8 kept). */
  rememberLibrary(path: string): Settings
  /** Calls `listener` with the settings after each change; returns the unsubscribe. */
  subscribe(listener: (settings: Settings) => void): () => void
}

const MAX_RECENT = 8

export function createSettingsService(backend: KeyValueBackend): SettingsService {
  const get = (): Settings => ({ ...DEFAULT_SETTINGS, ...backend.store })
  const listeners = new Set<(settings: Settings) => void>()
  const update = (patch: Partial<Settings>): Settings => {
    backend.set(patch)
    const settings = get()
    for (const listener of listeners) listener(settings)
    return settings
  }
  return {
    get,
    update,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    rememberLibrary(path) {
      const recent = [path, ...get().recentLibraries.filter((p) => p !== path)].slice(0, MAX_RECENT)
      return update({ libraryPath: path, recentLibraries: recent })
    },
  }
}
