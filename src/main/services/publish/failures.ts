/** How a publish step failed, classified so the service knows whether to ask, retry or queue. */

export const PUBLISH_FAILURES = [
  /** 401/403: stop and ask for credentials. */
  'auth',
  /** 413 or over the blog's limit: offer to downscale. */
  'too-large',
  /** 429: wait `retryAfterMs`, then try again. */
  'rate-limited',
  /** 5xx, timeouts, refused connections: retry with backoff, then the outbox. */
  'transient',
  /** The post changed on the blog since it was last published (Ghost 409). */
  'collision',
  /** Any other refusal (4xx): the server's message says what is wrong. */
  'refused',
] as const
export type PublishFailure = (typeof PUBLISH_FAILURES)[number]

export class PublishError extends Error {
  override name = 'PublishError'

  constructor(
    readonly failure: PublishFailure,
    message: string,
    /**
     * `body`: the reply's text, for targets that read the blog's own error codes (WordPress
     * `term_exists`); `image`: the `assets/…` path whose upload failed.
     */
    readonly details: { status?: number; retryAfterMs?: number; body?: string; image?: string } = {},
  ) {
    super(message)
  }
}

export function isPublishError(error: unknown, failure?: PublishFailure): error is PublishError {
  return error instanceof PublishError && (failure === undefined || error.failure === failure)
}
