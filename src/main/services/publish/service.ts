/**
 * One-click publish: pre-flight, then each image, then the post, then a check of what the blog
 * reports. The blog's ids are written into the review's front matter (`published:`; a site's into
 * `.verdict/`, library/publishRecords.ts) the moment they are known, and a publish id (the same on every machine) before the first request, so a
 * retry — in this run, from the outbox after a restart or on another machine, or a later
 * re-publish — updates the post instead of adding one.
 */
import { createHash } from 'node:crypto'
import { BLOG_KIND_DESCRIPTORS, secretName, signsIn } from '../../../shared/blogKinds'
import { VerdictError } from '../../../shared/contract'
import type { ImageType, ReviewMeta } from '../../../shared/model'
import type {
  BlogConfig,
  BlogKind,
  OutboxJob,
  PostByline,
  PostDate,
  PreflightProblem,
  PublishLogEntry,
  PublishOutcome,
  PublishRecord,
  PublishRequest,
  PublishStatus,
  RemoteImage,
} from '../../../shared/publish'
import { probeImage } from '../assets/probe'
import type { EventBus } from '../events'
import { loadReviewSource, readSourceImage, type ReviewSource } from '../export'
import { publishLock, withLibraryLock } from '../fs/libraryLock'
import type { LibraryManager } from '../library/manager'
import { DAMAGED_RECORDS_FIX } from '../library/publishRecords'
import { buildPost, type ImageDetails, type Post, type PostImage } from '../pipeline'
import type { ReviewWrites } from '../recovery/writes'
import type { SettingsService } from '../settings/settings'
import { KeyedSerial } from '../recovery/keyed'
import type { BlogStore } from './blogs'
import { isPublishError, PublishError } from './failures'
import { OutboxClaims } from './claims'
import { PublishLog } from './log'
import { Outbox } from './outbox'
import { authorOn, type BlogAuthor, type OutgoingImage, type OutgoingPost, type PublishTarget, type RemotePost } from './publishTarget'
import { megabytes } from '../../../shared/text'

export interface RetryPolicy {
  /** Tries per step before a network failure sends the job to the outbox. */
  attempts: number
  /** First wait; doubled each try, ±50 % jitter. */
  baseDelayMs: number
}

export interface PublishServiceOptions {
  libraries: LibraryManager
  writes: ReviewWrites
  events: EventBus
  blogs: BlogStore
  settings: SettingsService
  /** This machine's id in the library's shared files (the outbox, the publish logs, the claims). */
  machine: string
  /** How long a queued post another machine also holds waits for the sync engine to carry the claims (claims.ts). */
  claimSettleMs?: number
  /** Builds the blog's target (its kind's file in targets/, loaded by blogTargets.ts). */
  createTarget(blog: BlogConfig, secret: string): PublishTarget
  retry?: RetryPolicy
  /** How often waiting outbox jobs are looked at (0: only when asked). */
  outboxCheckMs?: number
  now?: () => Date
  sleep?: (ms: number) => Promise<void>
  log?: (message: string, detail?: unknown) => void
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000 }
/** A scheduled time the blog reports may differ by its rounding (Ghost, WordPress: seconds). */
const SCHEDULE_TOLERANCE_MS = 60_000
/** How long a publish waits while another process publishes the same review (its uploads, its retries). */
const PUBLISH_WAIT_MS = 10 * 60_000
/** What Syncthing and the cloud drives take to carry a small file to a machine online: seconds. */
const CLAIM_SETTLE_MS = 20_000

interface Job {
  request: PublishRequest
  blog: BlogConfig
  target: PublishTarget
  source: ReviewSource
  /** The post with images at their `assets/…` paths: what pre-flight checks and what is uploaded. */
  draft: Post
}

export class PublishService {
  private readonly serial = new KeyedSerial()
  /** Who each blog said a post by an author goes out as, this session (authorKey). */
  private readonly authorsAnswered = new Map<string, BlogAuthor>()
  private readonly outboxStore: Outbox
  private readonly claims: OutboxClaims
  private readonly logs: PublishLog
  private readonly retry: RetryPolicy
  private readonly now: () => Date
  private readonly sleep: (ms: number) => Promise<void>
  private readonly log: (message: string, detail?: unknown) => void
  private timer: ReturnType<typeof setInterval> | undefined

  constructor(private readonly options: PublishServiceOptions) {
    const library = () => options.libraries.current()
    this.outboxStore = new Outbox(library, options.machine)
    this.logs = new PublishLog(options.machine)
    this.retry = options.retry ?? DEFAULT_RETRY
    this.now = options.now ?? (() => new Date())
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.claims = new OutboxClaims({ library, machine: options.machine, now: this.now, sleep: this.sleep, settleMs: options.claimSettleMs ?? CLAIM_SETTLE_MS })
    this.log = options.log ?? ((message, detail) => console.error(message, detail ?? ''))
  }

  /** Starts looking at the outbox every `outboxCheckMs`; sends what is due. */
  start(): void {
    const every = this.options.outboxCheckMs ?? 30_000
    if (every > 0 && !this.timer) {
      this.timer = setInterval(() => void this.flushOutbox({ dueOnly: true }).catch((error) => this.log('Outbox: sending failed', error)), every)
      this.timer.unref?.()
    }
  }

  stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }

  /** Everything that would stop a publish, found without changing anything (the blog is asked only to sign in). */
  async preflight(request: Pick<PublishRequest, 'id' | 'blogId' | 'status' | 'schedule'>): Promise<PreflightProblem[]> {
    const prepared = await this.prepare(request)
    if ('problems' in prepared) return prepared.problems
    return [...this.contentProblems(prepared), ...(await this.imageFileProblems(prepared)), ...(await this.connectionProblems(prepared))]
  }

  /**
   * The byline the post will carry on the blog: its user for the review's author, else what the
   * blog's byline choice makes of the account (the blog is asked who its users are).
   */
  async byline(request: Pick<PublishRequest, 'id' | 'blogId'>): Promise<PostByline> {
    const prepared = await this.prepare({ ...request, status: 'published' })
    if ('problems' in prepared) {
      const [problem] = prepared.problems
      throw new VerdictError('UNAUTHORIZED', `${problem?.message ?? ''} ${problem?.fix ?? ''}`.trim())
    }
    try {
      return (await this.bylineFor(prepared)).byline
    } catch (error) {
      if (!isPublishError(error)) throw error
      throw new VerdictError('REMOTE', `${prepared.blog.name} could not say who may sign the post: ${error.message}`)
    }
  }

  /** The post's byline, and the blog's user it goes out as when there is one. */
  private async bylineFor({ blog, target, source }: Job): Promise<{ byline: PostByline; postAs?: { id: string; name: string } }> {
    const reviewAuthor = source.meta.author.trim()
    const found = await this.withRetry(() => authorOn(target, reviewAuthor))
    this.authorsAnswered.set(authorKey(blog, reviewAuthor), found)
    return bylineOf(blog, found, reviewAuthor)
  }

  /**
   * The byline and date a publish of this (unsaved) review state would give the post, for the
   * "As on" preview. The blog is asked who signs only when `ask` (the critic asked for its look
   * just now) and Verdict holds its sign-in; otherwise it is what the blog said this session (in the
   * Publish dialog, a publish, an earlier ask), or no byline when it said nothing yet.
   */
  async asPublished(blog: BlogConfig, meta: ReviewMeta, dated: PostDate, ask: boolean): Promise<{ byline?: PostByline; date: string }> {
    const live = meta.published?.some((record) => record.target === blog.id && record.status === 'published') ?? false
    const date = postDating({ status: 'published', dated }, meta.date, live, this.now()).day
    const reviewAuthor = meta.author.trim()
    const key = authorKey(blog, reviewAuthor)
    if (ask && !this.authorsAnswered.has(key)) {
      const secret = signsIn(blog.kind) ? this.options.blogs.secretOf(blog) : ''
      if (secret !== undefined) {
        // One try: the preview shows the review's own author rather than wait on a slow blog.
        await authorOn(this.options.createTarget(blog, secret), reviewAuthor).then(
          (found) => this.authorsAnswered.set(key, found),
          (error: unknown) => this.log(`${blog.name} could not say who signs a post by ${reviewAuthor}`, error),
        )
      }
    }
    const found = this.authorsAnswered.get(key)
    return { ...(found ? { byline: bylineOf(blog, found, reviewAuthor).byline } : {}), date }
  }

  publish(request: PublishRequest): Promise<PublishOutcome> {
    return this.exclusively(request.id, () => this.run(request))
  }

  /**
   * One publish of a review at a time, in this process and in every other on the library (a second
   * window, the browser mode): each reads the records the one before wrote, so a post is updated,
   * never created twice. The log is written as steps happen; a publish is over once it is on disk.
   */
  private exclusively<T>(id: string, work: () => Promise<T>): Promise<T> {
    const { stateDir } = this.options.libraries.current()
    return this.serial.run(id, () => withLibraryLock(stateDir, publishLock(id), () => work().finally(() => this.logs.idle()), { waitMs: PUBLISH_WAIT_MS }))
  }

  outbox(): Promise<OutboxJob[]> {
    return this.outboxStore.list()
  }

  /** Sends the outbox's jobs (all of them, or those whose time has come), one review at a time. */
  async flushOutbox({ dueOnly = false } = {}): Promise<void> {
    const now = this.now().getTime()
    for (const job of await this.outboxStore.list()) {
      if (dueOnly && Date.parse(job.nextAttemptAt) > now) continue
      try {
        const sent = await this.exclusively(job.request.id, () => this.sendQueued(job))
        if (sent) await this.finished(job.request, { sent: true, url: sent.url })
      } catch (error) {
        // A refusal (not a network failure) ends the job; the review's publish log keeps why.
        const reason = error instanceof Error ? error.message : String(error)
        this.log(`Outbox: publishing “${job.request.id}” failed`, reason)
        await this.outboxStore.remove(job.request)
        this.options.events.emit({ type: 'outbox-changed' })
        await this.finished(job.request, { sent: false, reason })
      }
    }
  }

  /**
   * Sends a queued post unless it went out since it was queued: from this machine's other process
   * (the job is gone), another machine (its record synced into the review, or its claim says so),
   * or an attempt whose reply was lost (send() finds it by its publish id). Of two machines holding
   * the post, the one whose claim stands sends it; the other tries again later. Its address once
   * it is out, whoever sent it.
   */
  private async sendQueued(job: OutboxJob): Promise<{ url: string } | undefined> {
    if (!(await this.outboxStore.holds(job))) return undefined
    const source = await loadReviewSource(this.options.libraries.current(), job.request.id, { untitled: '' })
    const blog = await this.options.blogs.get(job.request.blogId)
    const publishId = job.publishId ?? publishIdOf(source, blog)
    const record = source.meta.published?.find((candidate) => candidate.target === blog.id)
    if (record?.id && record.publishId === publishId && record.at >= job.queuedAt) return this.sentElsewhere(job, source, record.url, 'since it was queued')
    const claim = await this.claims.take(publishId, job.queuedAt, await this.outboxStore.waitsElsewhere(job.request))
    if (claim.kind === 'sent') return this.sentElsewhere(job, source, claim.post.url, `from machine ${claim.machine}`)
    if (claim.kind === 'held') {
      await this.outboxStore.postpone(job, claim.until, `Another machine (${claim.machine}) is sending it.`)
      this.options.events.emit({ type: 'outbox-changed' })
      return undefined
    }
    let sent = false
    try {
      const outcome = await this.run(job.request, { ...job, publishId })
      if (outcome.kind !== 'published') return undefined
      const { id, url, status } = outcome.record
      sent = true
      await this.claims.sent(publishId, { id, url, status }).catch((error: unknown) => this.log('Outbox: the claim could not say the post was sent', error))
      return { url }
    } finally {
      // Not sent (queued again, blocked, refused): the other machines may try.
      if (!sent) await this.claims.release(publishId).catch((error: unknown) => this.log('Outbox: its claim could not be withdrawn', error))
    }
  }

  /** A queued post that went out from elsewhere: dropped from the outbox, and the log says where it is. */
  private async sentElsewhere(job: OutboxJob, source: ReviewSource, url: string, by: string): Promise<{ url: string }> {
    await this.outboxStore.remove(job.request)
    this.options.events.emit({ type: 'outbox-changed' })
    const entry: PublishLogEntry = { at: this.now().toISOString(), blogId: job.request.blogId, step: 'post', state: 'skipped', message: `Already published ${by}: ${url}` }
    this.options.events.emit({ type: 'publish-progress', id: job.request.id, entry })
    await this.logs.append(source.records, entry)
    return { url }
  }

  /** Says an outbox job is over, by the review's title and the blog's name (their ids if they are gone). */
  private async finished(request: PublishRequest, result: { sent: true; url: string } | { sent: false; reason: string }): Promise<void> {
    const [title, blogName] = await Promise.all([
      this.options.libraries
        .current()
        .summary(request.id)
        .then((row) => row.title || 'Untitled review', () => request.id),
      this.options.blogs.get(request.blogId).then((blog) => blog.name, () => request.blogId),
    ])
    this.options.events.emit({ type: 'outbox-finished', id: request.id, title, blogName, result })
  }

  /** The "Send now" button: every waiting job, due or not; what still waits afterwards. */
  async sendOutboxNow(): Promise<OutboxJob[]> {
    await this.flushOutbox()
    return this.outboxStore.list()
  }

  async readLog(id: string): Promise<PublishLogEntry[]> {
    return this.logs.read(await this.options.libraries.current().recordsDir(id))
  }

  /** Publishes the request; `queued`: the outbox job it comes from. */
  private async run(request: PublishRequest, queued?: QueuedJob): Promise<PublishOutcome> {
    const prepared = await this.prepare(request)
    if ('problems' in prepared) return { kind: 'blocked', problems: prepared.problems }
    const job = prepared
    const blocking = [...this.contentProblems(job), ...(await this.imageFileProblems(job))]
    if (blocking.length > 0) return { kind: 'blocked', problems: blocking }
    await this.options.writes.pinName(request.id)
    try {
      await this.step(job, 'check', () => this.withRetry(() => job.target.check()))
      await this.options.writes.snapshot(request.id, 'publish')
      const outcome = await this.send(job, queued)
      await this.outboxStore.remove(request)
      this.options.events.emit({ type: 'outbox-changed' })
      return outcome
    } catch (error) {
      return this.failed(job, error)
    }
  }

  /** The request's blog, secret, target and saved review; or why there is none. */
  private async prepare(request: Pick<PublishRequest, 'id' | 'blogId' | 'status' | 'schedule'>): Promise<Job | { problems: PreflightProblem[] }> {
    const blog = await this.options.blogs.get(request.blogId)
    const secret = signsIn(blog.kind) ? this.options.blogs.secretOf(blog) : ''
    if (secret === undefined) {
      return {
        problems: [
          {
            subject: 'credentials',
            message: `Verdict has no sign-in details for “${blog.name}” in this session.`,
            fix: `Open Blogs and enter the ${secretName(blog.kind)} again.`,
          },
        ],
      }
    }
    const source = await loadReviewSource(this.options.libraries.current(), request.id, { untitled: '' })
    return { request, blog, target: this.options.createTarget(blog, secret), source, draft: this.buildPost(source, { media: {} }, blog) }
  }

  /** What the review itself must fix: title, alt text, images present and small enough, score, schedule. */
  private contentProblems({ request, source, draft: post }: Job): PreflightProblem[] {
    const problems: PreflightProblem[] = []
    if (!source.meta.title.trim()) problems.push({ subject: 'title', message: 'The review has no title.', fix: 'Give it a title above the text.' })
    for (const image of postImages(post)) {
      if (!image.alt.trim()) {
        problems.push({ subject: `image:${image.path}`, message: `The image ${image.path} has no alt text.`, fix: 'Describe the image in its “Alt text” field for readers who cannot see it.' })
      }
    }
    // The pipeline's warnings name unreadable scores and refused images (paths leaving the review).
    for (const warning of post.warnings.filter((w) => /image|score/i.test(w))) {
      problems.push({ subject: /score/i.test(warning) ? 'score' : 'image', message: warning, fix: 'Correct it in the editor.' })
    }
    if (request.status === 'scheduled') problems.push(...scheduleProblems(request, this.now()))
    if (source.recordsDamaged) problems.push({ subject: 'records', message: source.recordsDamaged, fix: DAMAGED_RECORDS_FIX })
    return problems
  }

  /** Every image present, of a type and size the blog takes: read from disk, nothing sent. */
  private async imageFileProblems(job: Job): Promise<PreflightProblem[]> {
    const problems: PreflightProblem[] = []
    for (const image of postImages(job.draft)) {
      const file = await readSourceImage(job.source, image.path)
      if (!file) problems.push({ subject: `image:${image.path}`, message: `The image ${image.path} is missing or not an image.`, fix: 'Insert the image again.' })
      else problems.push(...imageProblems(image.path, file, job))
    }
    return problems
  }

  /** The blog reachable, and these credentials accepted. */
  private async connectionProblems(job: Job): Promise<PreflightProblem[]> {
    try {
      await job.target.check()
      return []
    } catch (error) {
      if (!isPublishError(error)) throw error
      return [
        error.failure === 'auth'
          ? { subject: 'credentials', message: error.message, fix: `Open Blogs and check the ${secretName(job.blog.kind)} of “${job.blog.name}”.` }
          : { subject: 'endpoint', message: error.message, fix: error.failure === 'transient' ? 'Check the connection; publishing now would wait in the outbox.' : 'Check the blog’s address in Blogs.' },
      ]
    }
  }

  private async send(job: Job, queued?: QueuedJob): Promise<PublishOutcome> {
    const { request, blog, target, source } = job
    const existing = source.meta.published?.find((record) => record.target === blog.id)
    let record: PublishRecord = existing ?? { target: blog.id, publishId: queued?.publishId ?? publishIdOf(source, blog), id: '', url: '', at: '', status: request.status, media: {} }
    // Written before the first request: whatever happens next, a retry knows what to look for.
    if (!existing) await this.saveRecord(source.id, record, false)
    // A queued post may be on the blog already, with no post id here: sent by another machine
    // whose record has not arrived, or by an attempt whose reply was lost. Recorded, not sent again.
    if (queued && !record.id) {
      const found = await this.withRetry(() => target.find(record.publishId))
      if (found) return this.recordFound(job, record, found)
    }

    const media: Record<string, RemoteImage> = { ...record.media }
    for (const image of postImages(job.draft)) {
      const step = `image:${image.path}`
      if (media[image.path]) {
        this.progress(job, step, 'skipped', 'Already on the blog.')
        continue
      }
      const outgoing = await this.outgoingImage(job, image)
      const upload = () => this.withRetry(() => target.uploadImage(outgoing)).catch((error: unknown) => Promise.reject(naming(error, image.path)))
      media[image.path] = await this.step(job, step, upload)
      record = { ...record, media: { ...media } }
      await this.saveRecord(source.id, record, false)
    }

    const details = await imageDetails(job, media)
    // One date on the blog's page, index and feed, in the JSON-LD and in the review (written back below).
    const live = existing?.status === 'published'
    // A live site post keeps the day it went out with (its file keeps the site's own date).
    const dating = postDating(request, live ? (source.postDay ?? source.meta.date) : source.meta.date, live, this.now())
    // One byline on the blog's page, in its post data and Verdict's JSON-LD.
    const { byline, postAs } = await this.bylineFor(job)
    const dated: ReviewSource = { ...source, meta: { ...source.meta, date: dating.day, author: byline.name } }
    const built = { media, details, byline }
    // A folder blog's address is a file on this computer: never published in the JSON-LD.
    const post = this.buildPost(dated, built, blog, blog.kind === 'folder' ? undefined : record.url || undefined)
    const featured = post.featuredImage ? media[post.featuredImage.path] : undefined
    const outgoing: OutgoingPost = {
      publishId: record.publishId,
      post,
      status: request.status,
      ...(request.status === 'scheduled' && request.schedule ? { publishAt: new Date(request.schedule.at).toISOString() } : {}),
      ...(featured && post.featuredImage ? { featured: { ...featured, alt: post.featuredImage.alt, caption: post.featuredImage.caption } } : {}),
      ...(dating.at ? { date: dating.at } : {}),
      zone: dating.zone,
      ...(postAs ? { author: postAs } : {}),
    }
    const remote = await this.step(job, 'post', async () => {
      const sent = await this.sendPost(job, record, outgoing, existing !== undefined)
      // A first publish learns the post's address only from the reply: send it once more so its
      // JSON-LD names the page (drafts have no public address; a folder's is a local file).
      if (record.url || !sent.url || request.status === 'draft' || blog.kind === 'folder') return sent
      record = { ...record, id: sent.id, url: sent.url, ...(sent.updatedAt ? { remoteUpdatedAt: sent.updatedAt } : {}) }
      await this.saveRecord(source.id, record, false)
      const named = { ...outgoing, post: this.buildPost(dated, built, blog, sent.url) }
      return this.withRetry(() => this.update(job, record, named))
    })
    record = {
      ...record,
      id: remote.id,
      url: remote.url,
      at: this.now().toISOString(),
      status: remote.status,
      media,
      ...(remote.updatedAt ? { remoteUpdatedAt: remote.updatedAt } : {}),
    }
    if (request.status === 'scheduled' && request.schedule) record.scheduled = request.schedule
    else delete record.scheduled
    const { hash } = await this.saveRecord(source.id, record, remote.status === 'published', dating.day)
    await this.step(job, 'verify', () => this.verify(job, record))
    return { kind: 'published', record, hash }
  }

  /** Records the post found on the blog by its publish id as what this publish made. */
  private async recordFound(job: Job, record: PublishRecord, found: RemotePost): Promise<PublishOutcome> {
    const recorded: PublishRecord = {
      ...record,
      id: found.id,
      url: found.url,
      at: this.now().toISOString(),
      status: found.status,
      ...(found.updatedAt ? { remoteUpdatedAt: found.updatedAt } : {}),
    }
    this.progress(job, 'post', 'skipped', `Already on ${job.blog.name}: ${found.url}`)
    const { hash } = await this.saveRecord(job.source.id, recorded, found.status === 'published')
    return { kind: 'published', record: recorded, hash }
  }

  /**
   * Creates the post, or updates the one the record points at. A record without a post id may
   * still have a post on the blog (an earlier reply was lost), and so may every retry here: those
   * look the post up by its publish id before creating anything.
   */
  private sendPost(job: Job, record: PublishRecord, post: OutgoingPost, recordExisted: boolean): Promise<RemotePost> {
    const { target } = job
    let lookFirst = recordExisted && !record.id
    return this.withRetry(async () => {
      let known = record.id ? record : undefined
      if (!known && lookFirst) {
        const found = await target.find(record.publishId)
        if (found) known = { ...record, id: found.id, url: found.url, ...(found.updatedAt ? { remoteUpdatedAt: found.updatedAt } : {}) }
      }
      lookFirst = true
      return known ? this.update(job, known, post) : target.create(post)
    })
  }

  private async update(job: Job, known: PublishRecord, post: OutgoingPost): Promise<RemotePost> {
    const { target, request } = job
    try {
      return await target.update(known, post)
    } catch (error) {
      // Deleted on the blog since: publishing again makes it anew.
      if (isPublishError(error, 'refused') && error.details.status === 404) return target.create(post)
      if (!isPublishError(error, 'collision') || !request.overwrite) throw error
      // The critic chose to write over the blog's copy: take its current stamp and update again.
      const current = await target.find(known.publishId, known)
      if (!current) throw error
      return target.update({ ...known, ...(current.updatedAt ? { remoteUpdatedAt: current.updatedAt } : {}) }, post)
    }
  }

  /** The blog says what it now holds: a scheduled post must be scheduled for the chosen instant. */
  private async verify({ target, request }: Job, record: PublishRecord): Promise<void> {
    const found = await this.withRetry(() => target.find(record.publishId, record))
    if (!found) throw new PublishError('refused', 'The blog does not list the post it just accepted.')
    if (found.status !== request.status) {
      throw new PublishError('refused', `The blog reports the post as ${statusWord(found.status)}, not ${statusWord(request.status)}.`)
    }
    if (request.status === 'scheduled' && request.schedule) {
      const wanted = Date.parse(request.schedule.at)
      const reported = found.publishAt ? Date.parse(found.publishAt) : NaN
      if (!(Math.abs(reported - wanted) <= SCHEDULE_TOLERANCE_MS)) {
        throw new PublishError('refused', `The blog scheduled the post for ${found.publishAt ?? 'no time'}, not ${request.schedule.at}.`)
      }
    }
  }

  private async withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await attempt()
      } catch (error) {
        const again = tries < this.retry.attempts && isPublishError(error) && (error.failure === 'transient' || error.failure === 'rate-limited')
        if (!again) throw error
        const wait = error.failure === 'rate-limited' ? (error.details.retryAfterMs ?? 1000) : this.retry.baseDelayMs * 2 ** (tries - 1) * (0.5 + Math.random())
        await this.sleep(wait)
      }
    }
  }

  /** Runs one step with its progress and log lines; the server's own message when it fails. */
  private async step<T>(job: Job, step: string, run: () => Promise<T>): Promise<T> {
    this.progress(job, step, 'started')
    try {
      const result = await run()
      this.progress(job, step, 'done')
      return result
    } catch (error) {
      this.progress(job, step, 'failed', error instanceof Error ? error.message : String(error))
      throw error
    }
  }

  private progress(job: Job, step: string, state: PublishLogEntry['state'], message?: string): void {
    const entry: PublishLogEntry = { at: this.now().toISOString(), blogId: job.blog.id, step, state, ...(message ? { message } : {}) }
    this.options.events.emit({ type: 'publish-progress', id: job.request.id, entry })
    void this.logs.append(job.source.records, entry).catch((error) => this.log(`Publish log of “${job.request.id}” could not be written`, error))
  }

  /** Network failures wait in the outbox; everything else is the critic's to decide. */
  private async failed(job: Job, error: unknown): Promise<PublishOutcome> {
    if (!isPublishError(error)) throw error
    const { request, blog } = job
    switch (error.failure) {
      case 'transient':
      case 'rate-limited': {
        const queued = await this.outboxStore.put(request, publishIdOf(job.source, blog), error.message, this.now())
        this.options.events.emit({ type: 'outbox-changed' })
        this.progress(job, 'outbox', 'waiting', `${error.message} The review waits in the outbox and is sent when ${blog.name} can be reached.`)
        return { kind: 'queued', reason: error.message, nextAttemptAt: queued.nextAttemptAt }
      }
      case 'too-large': {
        const path = error.details.image
        const problem: PreflightProblem = { subject: path ? `image:${path}` : 'image', message: error.message, fix: 'Downscale the image (or use a smaller one) and publish again.' }
        return { kind: 'blocked', problems: [path ? { ...problem, downscale: { path } } : problem] }
      }
      case 'auth':
        throw new VerdictError('UNAUTHORIZED', `${blog.name} refused the sign-in: ${error.message} Open Blogs and enter the ${secretName(blog.kind)} again.`)
      case 'collision':
        throw new VerdictError('CONFLICT', `The post was changed on ${blog.name} since Verdict last published it. Publish again with “Overwrite” to replace the blog’s version, or cancel to keep it.`)
      case 'refused':
        throw new VerdictError('REMOTE', `${blog.name} refused the post: ${error.message}`)
    }
  }

  /** Writes the record (and the day the post carries, when given) with the review's records: its front matter, or a site's `.verdict/`. */
  private async saveRecord(id: string, record: PublishRecord, live: boolean, date?: string): Promise<{ hash: string }> {
    const written = await this.options.writes.recordPublished(id, record, live, date, this.options.machine)
    const { hash, published } = written
    this.options.events.emit({ type: 'review-published', id, hash, published, date: written.date })
    return { hash }
  }

  private async outgoingImage(job: Job, image: PostImage): Promise<OutgoingImage> {
    const file = await readSourceImage(job.source, image.path)
    if (!file) throw new VerdictError('NOT_FOUND', `The image ${image.path} is missing or not an image: insert it again.`)
    const probe = probeImage(file.bytes)
    const [problem] = imageProblems(image.path, file, job)
    if (problem) throw new PublishError(file.bytes.byteLength > job.target.maxImageBytes ? 'too-large' : 'refused', `${problem.message} ${problem.fix}`)
    return {
      path: image.path,
      fileName: image.path.split('/').pop()!,
      type: file.mime,
      bytes: file.bytes,
      width: probe.kind === 'image' ? probe.width : 0,
      height: probe.kind === 'image' ? probe.height : 0,
      alt: image.alt,
      caption: image.caption,
      credit: image.credit,
    }
  }

  /**
   * The pipeline's post in the blog's form; images resolve to the blog's URLs once uploaded (to
   * their paths before), with their sizes when known.
   */
  private buildPost(
    source: ReviewSource,
    built: { media: Record<string, RemoteImage>; details?: Map<string, ImageDetails>; byline?: PostByline },
    blog: BlogConfig,
    url?: string,
  ): Post {
    const { media, details, byline } = built
    const descriptor = BLOG_KIND_DESCRIPTORS[blog.kind]
    return buildPost(
      // A site's post names the site's images from its root (`/img/x.png`).
      { id: source.id, meta: source.meta, body: source.body, sitePaths: source.sitePaths === true },
      {
        online: true,
        wordsPerMinute: this.options.settings.get().wordsPerMinute,
        form: descriptor.post,
        byline: bylineInPost(byline, blog.kind),
        imageDetails: (path) => details?.get(path),
        resolveAsset: (path) => media[path]?.url ?? path,
        site: { name: blog.name, ...(blog.kind === 'folder' ? {} : { url: blog.url }) },
        ...(url ? { url } : {}),
      },
    )
  }
}

/** An outbox job with the publish id it sends under (looked up in the review for jobs of older versions). */
type QueuedJob = OutboxJob & { publishId: string }

/**
 * The post's publish id on this blog: the review's record's, or, before there is one, one derived
 * from the review (its folder and creation time) and the blog. Every machine derives the same, so
 * a post queued on two machines before either recorded it is looked for under one id.
 */
function publishIdOf(source: ReviewSource, blog: BlogConfig): string {
  const recorded = source.meta.published?.find((record) => record.target === blog.id)?.publishId
  if (recorded) return recorded
  const hex = createHash('sha256').update(`${source.id}\0${source.meta.created}\0${blog.id}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/** The failure, saying which image it concerns (so a too-large refusal can offer to downscale that one). */
function naming(error: unknown, image: string): unknown {
  return isPublishError(error) ? new PublishError(error.failure, error.message, { ...error.details, image }) : error
}

/** Each image's pixel size, read from its file, and the blog's id for it. */
async function imageDetails(job: Job, media: Record<string, RemoteImage>): Promise<Map<string, ImageDetails>> {
  const details = new Map<string, ImageDetails>()
  for (const image of postImages(job.draft)) {
    const file = await readSourceImage(job.source, image.path)
    const probe = file ? probeImage(file.bytes) : undefined
    if (probe?.kind !== 'image') continue
    const mediaId = media[image.path]?.id
    details.set(image.path, { width: probe.width, height: probe.height, ...(mediaId ? { mediaId } : {}) })
  }
  return details
}

/**
 * The day the post is dated (the review's `date` after this publish), the zone that day is counted
 * in and, when the blog must be told, the instant: a scheduled post's time; the review's own date,
 * back-dated (noon UTC, the same day in every zone a reader is likely in); none for now, which the
 * blog takes as it publishes. A live post published again, or a draft, keeps its date unless the
 * critic picks the review's.
 */
/** The post's byline, and the blog's user it goes out as when there is one, from what the blog said of the review's author. */
function bylineOf(blog: BlogConfig, found: BlogAuthor, reviewAuthor: string): { byline: PostByline; postAs?: { id: string; name: string } } {
  if (found.kind === 'user') return { byline: { name: found.name, shown: 'blog-user' }, postAs: { id: found.id, name: found.name } }
  const unmatched = { account: found.name, author: reviewAuthor, why: found.why }
  if (blog.byline === 'account' || !reviewAuthor) return { byline: { name: found.name, shown: 'account', unmatched } }
  return { byline: { name: reviewAuthor, shown: 'in-post', unmatched } }
}

/** An answer holds for the blog's address and account (a changed account may be matched otherwise). */
function authorKey(blog: BlogConfig, reviewAuthor: string): string {
  return JSON.stringify([blog.id, blog.url, blog.username ?? '', reviewAuthor])
}

/**
 * Where the post names its author itself: where the blog's own byline names the account, a line
 * atop the post names the review's author, and Verdict's JSON-LD leaves her out where the blog's
 * own page data names the account.
 */
export function bylineInPost(byline: PostByline | undefined, kind: BlogKind): { inPost: boolean; inJsonLd: boolean } {
  const inPost = byline?.shown === 'in-post'
  return { inPost, inJsonLd: !(inPost && BLOG_KIND_DESCRIPTORS[kind].authorInPageData) }
}

function postDating(request: Pick<PublishRequest, 'status' | 'schedule' | 'dated'>, reviewDate: string, live: boolean, now: Date): { day: string; zone: string; at?: string } {
  if (request.status === 'scheduled' && request.schedule) return { day: dayOf(new Date(request.schedule.at), request.schedule.zone), zone: request.schedule.zone }
  if (request.dated === 'review' && /^\d{4}-\d{2}-\d{2}$/.test(reviewDate)) return { day: reviewDate, zone: 'UTC', at: `${reviewDate}T12:00:00.000Z` }
  // A draft has no date yet on the blog; a live post keeps the one it has.
  const zone = localZone()
  return { day: live || request.status === 'draft' ? reviewDate : dayOf(now, zone), zone }
}

/** This computer's time zone, read at each publish (it changes when the critic travels). */
function localZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** `YYYY-MM-DD` of an instant in a time zone. */
function dayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(instant)
}

/** The post's images, the featured one first, each once. */
function postImages(post: Post): PostImage[] {
  const seen = new Map<string, PostImage>()
  for (const image of [...(post.featuredImage ? [post.featuredImage] : []), ...post.images]) if (!seen.has(image.path)) seen.set(image.path, image)
  return [...seen.values()]
}

function scheduleProblems(request: Pick<PublishRequest, 'schedule'>, now: Date): PreflightProblem[] {
  const schedule = request.schedule
  if (!schedule) return [{ subject: 'schedule', message: 'No time is set for the scheduled post.', fix: 'Choose the date and time it should go live.' }]
  try {
    new Intl.DateTimeFormat('en', { timeZone: schedule.zone })
  } catch {
    return [{ subject: 'schedule', message: `“${schedule.zone}” is not a time zone.`, fix: 'Choose the time again.' }]
  }
  if (!(Date.parse(schedule.at) > now.getTime())) {
    return [{ subject: 'schedule', message: 'The scheduled time has already passed.', fix: 'Choose a time in the future, or publish now.' }]
  }
  return []
}

/** An image the blog will not take: of a type it refuses, or larger than its limit. */
function imageProblems(path: string, file: { mime: ImageType; bytes: Uint8Array }, { target, blog }: Pick<Job, 'target' | 'blog'>): PreflightProblem[] {
  if (target.imageTypes && !target.imageTypes.includes(file.mime)) {
    const accepted = target.imageTypes.map((type) => type.replace('image/', '').toUpperCase()).join(', ')
    return [{ subject: `image:${path}`, message: `${blog.name} does not accept ${file.mime.replace('image/', '').toUpperCase()} images like ${path}.`, fix: `Use a ${accepted} image instead.` }]
  }
  if (file.bytes.byteLength > target.maxImageBytes) {
    return [
      {
        subject: `image:${path}`,
        message: `The image ${path} (${megabytes(file.bytes.byteLength)}) is larger than ${blog.name} accepts (${megabytes(target.maxImageBytes)}).`,
        fix: 'Downscale the image and publish again.',
        downscale: { path, limitBytes: target.maxImageBytes },
      },
    ]
  }
  return []
}

function statusWord(status: PublishStatus): string {
  return status === 'published' ? 'live' : status
}
