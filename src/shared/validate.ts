/**
 * Runtime schemas for what main reads from the renderer and from disk: main trusts nothing it
 * receives. The channels' argument schemas (channels.ts) are built from these; the document's are
 * documentSchema.ts.
 */
import { z } from 'zod'
import { SCORE_SCALES, SUBJECT_KINDS, isImageSource } from './critic'
import { LAYOUT_KINDS, REVIEW_STATUSES, type LibraryLayout } from './model'
import { BLOG_KINDS } from './blogKinds'
import { BYLINE_CHOICES, POST_DATES, PUBLISH_STATUSES, PUBLISH_STEP_STATES } from './publish'

/** A review id is a single folder name inside the library: no separators, no dot-names. */
export const reviewId = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\\/\0]/.test(s) && s !== '.' && s !== '..' && !s.startsWith('.'), {
    message: 'not a review folder name',
  })

/** A folder inside the library, `/`-separated; '' for the library itself. */
const libraryFolder = z
  .string()
  .max(300)
  .refine((path) => path === '' || path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\\0:]/.test(part)), 'must be a folder inside the library')

export const libraryLayout = z.strictObject({
  kind: z.enum(LAYOUT_KINDS),
  content: libraryFolder,
  publicDir: libraryFolder.optional(),
  frontMatter: z.enum(['yaml', 'toml']),
  keys: z.array(z.string().max(100)).max(50),
}) satisfies z.ZodType<LibraryLayout>

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').or(z.literal(''))

const shortText = z.string().max(300)

export const subject = z.strictObject({
  kind: z.enum(SUBJECT_KINDS),
  title: shortText,
  year: z.number().int().min(1800).max(2200).optional(),
  creators: z.array(shortText).max(50),
  cast: z.array(shortText).max(200),
  runtime: z.number().int().min(1).max(100_000).optional(),
  platform: shortText.optional(),
  series: shortText.optional(),
  season: z.number().int().min(0).max(10_000).optional(),
  episode: z.number().int().min(0).max(100_000).optional(),
  ids: z.strictObject({
    imdb: z.string().regex(/^(tt|nm)\d{5,10}$/, 'expected an IMDb id like tt7181546').optional(),
    tmdb: z.string().regex(/^\d{1,10}$/, 'expected a TMDB number').optional(),
    wikidata: z.string().regex(/^Q\d{1,12}$/, 'expected a Wikidata id like Q107002052').optional(),
    // Written as printed on the book (`978-1-63557-563-6`): dashes and spaces are not part of the number.
    isbn: z
      .string()
      .refine((isbn) => /^(97[89])?\d{9}[\dX]$/.test(isbn.replace(/[-\s]/g, '')), 'expected an ISBN-10 or ISBN-13')
      .optional(),
  }),
})

export const scoreSummary = z.strictObject({
  value: z.string().max(10),
  scale: z.enum(SCORE_SCALES),
  label: shortText,
})

/** An image a review shows: a file of its folder, or for a site's post a path from the site's root (`/img/x.jpg`). */
export const imageSource = z.string().max(500).refine(isImageSource, { message: 'must be a file of the review folder or of its site' })

const isoInstant = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO time')
export const zonedTime = z.strictObject({ at: isoInstant, zone: z.string().min(1).max(64) })

export const publishRecord = z.strictObject({
  target: z.string().min(1).max(100),
  publishId: z.string().min(1).max(100),
  id: z.string().max(200),
  url: z.string().max(2000),
  at: z.string().max(40),
  status: z.enum(PUBLISH_STATUSES),
  scheduled: zonedTime.optional(),
  remoteUpdatedAt: z.string().max(40).optional(),
  media: z.record(imageSource, z.strictObject({ url: z.string().max(2000), id: z.string().max(200).optional() })),
})

export const blogConfig = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'give the blog a name').max(100),
  kind: z.enum(BLOG_KINDS),
  url: z.string().trim().min(1, 'give the blog an address').max(2000),
  username: z.string().max(200).optional(),
  byline: z.enum(BYLINE_CHOICES).optional(),
})

export const publishRequest = z.strictObject({
  /** The review (saved: publishing reads the file, never unsaved editor state). */
  id: reviewId,
  blogId: z.string().min(1).max(100),
  status: z.enum(PUBLISH_STATUSES),
  /** Required when `status` is `scheduled`. */
  schedule: zonedTime.optional(),
  /** After a collision (the post was edited on the blog): write over the blog's version. */
  overwrite: z.boolean().optional(),
  /**
   * The post's date when it goes live (`now` by default; a scheduled post takes its time). Written
   * back to the review's `date`, so the page, the index, the feed and the JSON-LD say one date.
   */
  dated: z.enum(POST_DATES).optional(),
})

export const publishLogEntry = z.strictObject({
  at: z.string().max(40),
  blogId: z.string().max(100),
  /** `check`, `image:assets/x.png`, `post`, `verify`. */
  step: z.string().max(300),
  state: z.enum(PUBLISH_STEP_STATES),
  /** The server's own words when a step failed, or what was done. */
  message: z.string().max(4000).optional(),
})

export const reviewMeta = z.strictObject({
  title: z.string().max(500),
  author: z.string().max(200),
  date: isoDate,
  tags: z.array(z.string().min(1).max(100)).max(100),
  excerpt: z.string().max(5000),
  status: z.enum(REVIEW_STATUSES),
  created: z.string().max(40),
  updated: z.string().max(40),
  subject: subject.optional(),
  relates: z.array(reviewId).min(1).max(50).optional(),
  score: scoreSummary.optional(),
  spoilers: z.boolean().optional(),
  featuredImage: imageSource.optional(),
  published: z.array(publishRecord).max(50).optional(),
  extra: z.record(z.string(), z.unknown()),
  kept: z.record(z.string(), z.unknown()).optional(),
})

/** Also checks what the settings file holds, which anyone may have edited. */
export const reviewPlace = z.strictObject({ id: reviewId, block: z.number().int().min(0).max(1e7), offset: z.number().min(-1e6).max(1e6) })
export const storedPlace = reviewPlace.extend({ library: z.string().min(1).max(4096) })

/** A history version's name: a UTC stamp and a hash prefix (`20261125T100000123Z-1a2b3c4d`), nothing a path could hide in. */
export const VERSION_ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/
