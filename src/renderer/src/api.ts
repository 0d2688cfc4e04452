import { createApi, type Api, type AppEvent } from '@shared/contract'

const listeners = new Set<(event: AppEvent) => void>()
let unsubscribe: (() => void) | null = null

/**
 * One subscription to main's events for the whole page, shared by every listener: in the test
 * host each subscription is an open HTTP connection, and a browser allows only six per host.
 */
function onEvent(listener: (event: AppEvent) => void): () => void {
  listeners.add(listener)
  unsubscribe ??= window.verdict.onEvent((event) => {
    for (const each of [...listeners]) each(event)
  })
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) {
      unsubscribe?.()
      unsubscribe = null
    }
  }
}

/** The only module that touches `window.verdict`: the rest of the renderer imports `api` from here. */
export const api: Api = { ...createApi(window.verdict), onEvent }
