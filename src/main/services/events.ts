import type { AppEvent } from '../../shared/contract'

/** Main → renderer notifications; the Electron window and the e2e host each subscribe once. */
export class EventBus {
  private readonly listeners = new Set<(event: AppEvent) => void>()

  emit(event: AppEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  subscribe(listener: (event: AppEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
