/**
 * What every blog target implements. The publish service does the rest (pre-flight, order, the
 * record in front matter, retries, the outbox), so a target is only the blog's own protocol.
 */
import type { ImageType } from '../../../shared/model'
import type { BlogConfig, BlogKind, PublishRecord, PublishStatus, RemoteImage } from '../../../shared/publish'
import type { Post, Theme } from '../pipeline'
import type { Fetch } from './http'

export interface OutgoingImage {
  /** `assets/<hash>.<ext>`: the record's key, and the file name's source. */
  path: string
  fileName: string
  type: ImageType
  bytes: Uint8Array
  width: number
  height: number
  alt: string
  caption: string
  credit: string
}

export interface OutgoingPost {
  /** Generated before the first request; the post carries it so a lost reply can be looked up. */
  publishId: string
  /**
   * The pipeline's post with every image `src` (in `html`, `images`, `featuredImage`) already the
   * blog's URL. `html` is the sanitised body fragment (score block, figures with credits, spoilers);
   * `jsonLd` is the schema.org Review (serialize with `serializeJsonLd`).
   */
  post: Post
  status: PublishStatus
  /** ISO instant (UTC) when `status` is `scheduled`. */
  publishAt?: string
  /** The featured image as the blog holds it. */
  featured?: RemoteImage & { alt: string; caption: string }
  /** ISO instant the post is dated, back-dated to the review's date; absent: when it goes out (or its schedule). */
  date?: string
  /**
   * The IANA time zone the post's day (`post.byline.date`) was counted in: the schedule's, this
   * computer's for "now", UTC for a back-dated post. A blog that writes the instant itself writes
   * it in this zone, so it names the same day as the page.
   */
  zone: string
  /** The blog's user the post goes out as (`BlogAuthor`'s match); absent: the signed-in account. */
  author?: { id: string; name: string }
}

/**
 * Who a post by the review's author can go out as on a blog: its user of that name (where the
 * account may post as them), else only the signed-in account, named, and why.
 */
export type BlogAuthor = { kind: 'user'; id: string; name: string } | { kind: 'account'; name: string; why: 'no-user' | 'not-allowed' }

/** Who a post by the review's author (`name`) goes out as on the target's blog. */
export function authorOn(target: PublishTarget, name: string): Promise<BlogAuthor> {
  return target.author ? target.author(name) : Promise.resolve({ kind: 'user', id: '', name })
}

/**
 * The place a target's calls work in (a folder checked and made writable, a Micropub server's
 * endpoints found), prepared by the first call that needs it and kept for the target's life, one
 * publish; a failed preparation (offline, a refused token, a folder not writable) is tried again by
 * the next call. Checking the blog is preparing it.
 */
export function preparedPlace<Place>(prepare: () => Promise<Place>): { place: () => Promise<Place>; check: () => Promise<void> } {
  let prepared: Promise<Place> | undefined
  const place = (): Promise<Place> => {
    if (!prepared) {
      const attempt = prepare()
      attempt.catch(() => {
        if (prepared === attempt) prepared = undefined
      })
      prepared = attempt
    }
    return prepared
  }
  return { place, check: async () => void (await place()) }
}

export interface RemotePost {
  id: string
  /** Public address (a preview address for drafts where the blog has no public one). */
  url: string
  status: PublishStatus
  /** ISO instant the blog will publish it, for scheduled posts. */
  publishAt?: string
  /** Ghost's `updated_at`, needed for the next update. */
  updatedAt?: string
}

export interface PublishTarget {
  /** Largest image the blog accepts, in bytes; pre-flight refuses bigger ones. */
  readonly maxImageBytes: number
  /** Image types the blog accepts, when it does not take all of Verdict's; pre-flight refuses others. */
  readonly imageTypes?: readonly ImageType[]
  /** Reachable and signed in; throws PublishError (`auth`, `transient`, `refused`). */
  check(): Promise<void>
  /**
   * The blog's user for the review's author (by name), or the account when there is none it may
   * post as. Absent where the post names its author itself, whoever is signed in (a folder's
   * pages, a Micropub h-card): the name goes as given.
   */
  author?(name: string): Promise<BlogAuthor>
  uploadImage(image: OutgoingImage): Promise<RemoteImage>
  /** The post this publish id created, if the blog has it (after a lost reply); by id when the record has one. */
  find(publishId: string, record?: PublishRecord): Promise<RemotePost | undefined>
  create(post: OutgoingPost): Promise<RemotePost>
  /** Updates the post the record points at; `collision` when the blog's copy changed since. */
  update(record: PublishRecord, post: OutgoingPost): Promise<RemotePost>
}

export interface TargetContext {
  blog: BlogConfig
  /** The password, key or token; empty for the folder target. */
  secret: string
  fetch?: Fetch
}

/** What the app lends a target besides the blog: the folder blog renders its pages and keeps out of the library. */
export interface TargetDeps {
  /** The theme the folder target writes its pages with (the library's choice). */
  loadTheme(): Promise<Theme>
  now(): Date
  /** The library's folder: a site folder must not be inside it. */
  libraryDir: string
}

/**
 * The kinds of blog with a file in `./targets/`: each adds its own, as
 * `declare module '../publishTarget' { interface TargetFiles { micropub: true } }`, so that tsc
 * names in `./blogTargets.ts` a kind of `BLOG_KIND_DESCRIPTORS` whose file is missing.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface TargetFiles {}

/** What a file of `./targets/` exports as `target` (`./blogTargets.ts` finds it by the file's name, the kind's). */
export class BlogTarget {
  constructor(
    readonly kind: BlogKind & keyof TargetFiles,
    readonly create: (ctx: TargetContext, deps: TargetDeps) => PublishTarget,
  ) {}
}
