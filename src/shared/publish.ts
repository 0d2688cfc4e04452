/** Blogs, publish requests and the record a published review keeps in its front matter. Plain data. */

import type { z } from 'zod'
import type { BlogKind } from './blogKinds'
import type { publishLogEntry, publishRequest } from './validate'

export type { BlogKind } from './blogKinds'

/** One blog of the library. Its secret (password, key, token) is never part of it: see SecretStore. */
export interface BlogConfig {
  /** Stable id, written into the reviews' `published` records. */
  id: string
  name: string
  kind: BlogKind
  /**
   * WordPress/Ghost: the site's address; Micropub: the site (the endpoint is discovered) or the
   * endpoint itself; folder: the folder's path.
   */
  url: string
  /** WordPress: the user the application password belongs to. */
  username?: string
  /**
   * What a post shows when the blog has no user for the review's author, or the account may not
   * post as them (the critic's choice, kept with the blog): the account's own byline, or the
   * review's author in a line atop the post (the default).
   */
  byline?: BylineChoice
}

export const BYLINE_CHOICES = ['account', 'review'] as const
export type BylineChoice = (typeof BYLINE_CHOICES)[number]

/**
 * The byline a post will carry on a blog, as the Publish dialog shows it, and as the page, its
 * index and feed and the JSON-LD say it.
 */
export interface PostByline {
  /** The name the post shows as its author. */
  name: string
  /**
   * `blog-user`: the blog's own byline names the review's author (its user of that name, or the
   * review's author where the blog has no users, as a folder); `account`: the blog's byline names
   * the signed-in account; `in-post`: a line atop the post names the review's author, while the
   * blog's own byline still names the account.
   */
  shown: 'blog-user' | 'account' | 'in-post'
  /**
   * The review's author is not the blog's own byline: the account's name, the review's author and
   * why (the blog has no user of that name, or the account may not post as them). The blog's
   * byline choice applies.
   */
  unmatched?: { account: string; author: string; why: 'no-user' | 'not-allowed' }
}

/** A blog as the renderer sees it: whether Verdict holds its secret, never the secret. */
export interface BlogView extends BlogConfig {
  signedIn: boolean
}

/** What the blog form sends: a new blog has no id yet. */
export type BlogDraft = Omit<BlogConfig, 'id'> & { id?: string }

export const PUBLISH_STATUSES = ['draft', 'published', 'scheduled'] as const
export type PublishStatus = (typeof PUBLISH_STATUSES)[number]

/** A moment as the critic chose it: the instant (ISO, UTC) and the IANA zone it was picked in. */
export interface ZonedTime {
  at: string
  zone: string
}

/** An image the blog already holds, keyed in the record by its `assets/…` path (content-hash named). */
export interface RemoteImage {
  url: string
  /** The blog's own id for it, where it has one (WordPress media id, …). */
  id?: string
}

/**
 * `published:` in `review.md`, one per blog the review went to. `publishId` is generated before the
 * first request and written first, so a retry after a lost reply can find the post instead of
 * creating a second one.
 */
export interface PublishRecord {
  target: string
  publishId: string
  /** The blog's id for the post; empty until the blog has answered. */
  id: string
  url: string
  /** ISO time of the last successful publish. */
  at: string
  status: PublishStatus
  scheduled?: ZonedTime
  /** The blog's own modification stamp of the post (Ghost's `updated_at`), sent back on update. */
  remoteUpdatedAt?: string
  media: Record<string, RemoteImage>
}

/** The date a post carries: the day it goes out, or the review's own date (back-dating). */
export const POST_DATES = ['now', 'review'] as const
export type PostDate = (typeof POST_DATES)[number]

/** What the renderer asks to publish: the type of its schema (validate.ts), so the two cannot drift. */
export type PublishRequest = z.infer<typeof publishRequest>

/** Something to fix before anything is sent. */
export interface PreflightProblem {
  /** What it concerns: `title`, `image:assets/x.png`, `score`, `credentials`, `endpoint`, `schedule`. */
  subject: string
  message: string
  /** How to fix it, in the critic's words. */
  fix: string
  /** The image is too large for the blog: the renderer can offer to downscale it below `limitBytes` (when known). */
  downscale?: { path: string; limitBytes?: number }
}

export type PublishOutcome =
  | { kind: 'published'; record: PublishRecord; hash: string }
  /** Nothing was sent, or the blog refused an image as too large: what to fix. */
  | { kind: 'blocked'; problems: PreflightProblem[] }
  /** The blog could not be reached; the job waits in the outbox and is sent when it can be. */
  | { kind: 'queued'; reason: string; nextAttemptAt: string }

export const PUBLISH_STEP_STATES = ['started', 'done', 'skipped', 'failed', 'waiting'] as const

/** One line of a review's publish log, also sent live as a `publish-progress` event; read from disk through its schema. */
export type PublishLogEntry = z.infer<typeof publishLogEntry>

/** A publish waiting for the network, kept in the library's outbox across restarts. */
export interface OutboxJob {
  jobId: string
  request: PublishRequest
  /** The post's publish id, which every machine's attempt looks for before sending (absent in jobs of older versions). */
  publishId?: string
  queuedAt: string
  attempts: number
  nextAttemptAt: string
  lastError: string
}

/** Where the session's credentials live (see SecretStore). */
export type SecretBackend = 'keychain' | 'memory' | 'plain-file'
