/**
 * Paths reach main only from its own pickers: a pick is kept here and the renderer gets a token
 * for it. The channels that read or write outside the library (import, switching library, export,
 * save as) take that token, never a path, so a page that talks to main cannot name a file itself.
 */
import { randomBytes } from 'node:crypto'
import type { PickPurpose } from '../../../shared/contract'
import { fail } from '../errors'

/** Long enough to read the dialog, think and press the button; short enough that old picks lapse. */
export const GRANT_LIFETIME_MS = 15 * 60_000

interface Grant {
  path: string
  purpose: PickPurpose
  expires: number
}

export class PathGrants {
  private readonly grants = new Map<string, Grant>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Keeps a path the user picked for one purpose; returns its unguessable token. */
  grant(path: string, purpose: PickPurpose): string {
    this.prune()
    const token = randomBytes(24).toString('base64url')
    this.grants.set(token, { path, purpose, expires: this.now() + GRANT_LIFETIME_MS })
    return token
  }

  /** The path behind a token given for `purpose`; anything else (unknown, expired, other purpose) is refused. */
  redeem(token: string, purpose: PickPurpose): string {
    const grant = this.grants.get(token)
    if (!grant || grant.purpose !== purpose || grant.expires <= this.now()) {
      if (grant && grant.expires <= this.now()) this.grants.delete(token)
      fail('INVALID_ARGUMENT', 'That choice is no longer valid; press “Browse…” and choose again.')
    }
    return grant.path
  }

  private prune(): void {
    const now = this.now()
    for (const [token, grant] of this.grants) if (grant.expires <= now) this.grants.delete(token)
  }
}
