/**
 * System notifications for posts the outbox sent (or gave up on) while the critic was elsewhere:
 * a finished publish the window shows itself needs no notification. Electron's `Notification` and
 * the focus check are handed in, so this runs under Node with the real publish service's events.
 */
import type { AppEvent } from '../../shared/contract'

/** The part of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown
  show(): void
}

export interface NotificationDeps {
  events: { subscribe(listener: (event: AppEvent) => void): () => void }
  /** `new Notification(options)` in the app. */
  create(options: { title: string; body: string }): NotificationLike
  /** Whether one of Verdict's windows has the focus. */
  focused(): boolean
  /** Brings the window to the front and opens the review there. */
  openReview(id: string): void
}

/** Shows a notification per outbox job that ends unseen; returns the unsubscribe. */
export function notifyOutboxResults(deps: NotificationDeps): () => void {
  return deps.events.subscribe((event) => {
    if (event.type !== 'outbox-finished' || deps.focused()) return
    const notification = deps.create(outboxMessage(event))
    notification.on('click', () => deps.openReview(event.id))
    notification.show()
  })
}

/** The notification's words: the review's title, then where it went or why it did not. */
export function outboxMessage(event: Extract<AppEvent, { type: 'outbox-finished' }>): { title: string; body: string } {
  const { result, blogName } = event
  return {
    title: event.title,
    body: result.sent ? `Sent to ${blogName} from the outbox.` : `Could not be sent to ${blogName}: ${result.reason}`,
  }
}
