import { useEffect } from 'react'
import { api } from '@renderer/api'

/** What must reach disk before the app quits: each open editor's pending edits. */
const flushers = new Set<() => Promise<void>>()

/** While mounted, `flush` runs when main asks before quitting; it saves, or journals what it cannot save. */
export function useFlushBeforeQuit(flush: () => Promise<void>): void {
  useEffect(() => {
    flushers.add(flush)
    return () => void flushers.delete(flush)
  }, [flush])
}

/** Saves every open editor's pending edits (or journals what cannot be saved); never rejects. */
export async function flushEdits(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()))
}

/** Answers main's `flush-request` once every flusher is done (even one that failed: it journaled). */
export function installQuitHandshake(): () => void {
  return api.onEvent((event) => {
    if (event.type !== 'flush-request') return
    void flushEdits().then(() => api.quitReady({ token: event.token }).catch(() => undefined))
  })
}
