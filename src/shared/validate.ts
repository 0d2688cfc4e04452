/** Runtime schemas for every payload the renderer sends: main trusts nothing it receives. */
import { z } from 'zod'
import type { Args, Channel } from './contract'
import { SCREENS } from './commands'
import type { EditorDocument } from './document'
import { IMAGE_WIDTHS, SCORE_SCALES, SUBJECT_KINDS, isSafeAssetPath } from './critic'
import { EXPORT_FORMATS, PICK_PURPOSES } from './contract'
import { REVIEW_STATUSES } from './model'
import { BLOG_KINDS, PUBLISH_STATUSES } from './publish'

/** A review id is a single folder name inside the library: no separators, no dot-names. */
export const reviewId = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !/[\\/\0]/.test(s) && s !== '.' && s !== '..' && !s.startsWith('.'), {
    message: 'not a review folder name',
  })

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

export const assetPath = z.string().refine(isSafeAssetPath, { message: 'must be a file inside the review folder' })

export const imageWidth = z.enum(IMAGE_WIDTHS)

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
  media: z.record(assetPath, z.strictObject({ url: z.string().max(2000), id: z.string().max(200).optional() })),
})

export const blogConfig = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'give the blog a name').max(100),
  kind: z.enum(BLOG_KINDS),
  url: z.string().trim().min(1, 'give the blog an address').max(2000),
  username: z.string().max(200).optional(),
})

export const publishRequest = z.strictObject({
  id: reviewId,
  blogId: z.string().min(1).max(100),
  status: z.enum(PUBLISH_STATUSES),
  schedule: zonedTime.optional(),
  overwrite: z.boolean().optional(),
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
  score: scoreSummary.optional(),
  spoilers: z.boolean().optional(),
  featuredImage: assetPath.optional(),
  published: z.array(publishRecord).max(50).optional(),
  extra: z.record(z.string(), z.unknown()),
  kept: z.record(z.string(), z.unknown()).optional(),
})

interface NodeShape {
  type: string
  children?: NodeShape[]
  [key: string]: unknown
}
const editorNode: z.ZodType<NodeShape> = z.lazy(() =>
  z.looseObject({ type: z.string().min(1).max(64), children: z.array(editorNode).optional() }),
)
/**
 * Structural check only; the format service rejects node types and fields it does not know. What
 * passes is handed on as the document it must then be: the one argument type not derived from its
 * schema, since a schema for every node's fields would repeat the format service.
 */
export const editorDocument = z.strictObject({
  root: z.looseObject({ type: z.literal('root'), children: z.array(editorNode) }),
}) as z.ZodType<EditorDocument, EditorDocument>

const pageLook = {
  theme: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'not a theme name'),
  colorScheme: z.enum(['light', 'dark']),
}

/** What the renderer may change; the library and export folders are main's to write, from picks. */
const settingsPatch = z.strictObject({
  author: z.string().max(200).optional(),
  wordsPerMinute: z.number().int().min(50).max(2000).optional(),
  maxImagePixels: z.number().int().min(1_000_000).max(500_000_000).optional(),
  maxImageBytes: z.number().int().min(1024 * 1024).max(200 * 1024 * 1024).optional(),
  theme: pageLook.theme.optional(),
  keepSecretsWithoutKeyring: z.boolean().optional(),
  welcomed: z.boolean().optional(),
  previewPaneWidth: z.number().int().min(0).max(10_000).optional(),
})

const none = z.undefined()

/** Also checks what the settings file holds, which anyone may have edited. */
export const reviewPlace = z.strictObject({ id: reviewId, block: z.number().int().min(0).max(1e7), offset: z.number().min(-1e6).max(1e6) })
export const storedPlace = reviewPlace.extend({ library: z.string().min(1).max(4096) })

/** A history version's name: a UTC stamp and a hash prefix (`20261125T100000123Z-1a2b3c4d`), nothing a path could hide in. */
export const VERSION_ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/
const versionId = z.string().regex(VERSION_ID_PATTERN, 'not a version id')

const editorState = { id: reviewId, meta: reviewMeta, doc: editorDocument, ...pageLook }
/** A token main handed out for a picked path (paths.ts): base64url, never a path. */
const pickToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a picked folder or file')
const folderPurpose = z.enum(PICK_PURPOSES).exclude(['import'])

export const argSchemas = {
  getLibrary: none,
  listReviews: none,
  searchReviews: z.strictObject({ query: z.string().max(1000), limit: z.number().int().min(1).max(500) }),
  switchLibrary: z.union([z.strictObject({ folder: pickToken }), z.strictObject({ recent: z.string().min(1).max(4096) })]),
  pickFolder: z.strictObject({ purpose: folderPurpose }),
  createReview: z.strictObject({ title: z.string().max(500).optional() }),
  openReview: z.strictObject({ id: reviewId }),
  saveReview: z.strictObject({
    id: reviewId,
    meta: reviewMeta,
    doc: editorDocument,
    baseHash: z.string().max(128),
  }),
  saveReviewAs: z.strictObject({ id: reviewId, meta: reviewMeta, doc: editorDocument, folder: pickToken }),
  renameReview: z.strictObject({ id: reviewId, title: z.string().min(1).max(500) }),
  duplicateReview: z.strictObject({ id: reviewId }),
  trashReview: z.strictObject({ id: reviewId }),
  restoreReview: z.strictObject({ trashId: reviewId }),
  readImage: z.strictObject({ id: reviewId, path: assetPath }),
  importImage: z.strictObject({
    id: reviewId,
    fileName: z.string().min(1).max(255),
    data: z.instanceof(Uint8Array),
  }),
  renderPreview: z.strictObject(editorState),
  listThemes: none,
  openInBrowser: z.strictObject(editorState),
  exportReviews: z.strictObject({
    ...pageLook,
    ids: z.array(reviewId).min(1).max(100_000),
    format: z.enum(EXPORT_FORMATS),
    folder: pickToken.optional(),
    pageSize: z.enum(['A4', 'Letter']),
    marginsMm: z.number().min(0).max(60),
  }),
  importReview: z.strictObject({ file: pickToken }),
  pickFile: z.strictObject({ purpose: z.literal('import'), extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(20) }),
  // Which links may leave the app is main's decision (allowedExternalUrl); here only the shape.
  openExternal: z.strictObject({ url: z.string().max(8192) }),
  getSettings: none,
  updateSettings: settingsPatch,
  rememberPlace: z.strictObject({ review: reviewPlace.nullable() }),
  lastPlace: none,
  suggestAuthor: none,
  listVersions: z.strictObject({ id: reviewId }),
  readVersion: z.strictObject({ id: reviewId, versionId }),
  restoreVersion: z.strictObject({ id: reviewId, versionId }),
  snapshotReview: z.strictObject({ id: reviewId, reason: z.enum(['manual', 'publish']) }),
  journalDraft: z.strictObject({ id: reviewId, meta: reviewMeta, doc: editorDocument, baseHash: z.string().max(128) }),
  clearDraft: z.strictObject({ id: reviewId }),
  listRecovered: none,
  readRecovered: z.strictObject({ id: reviewId }),
  discardRecovered: z.strictObject({ id: reviewId }),
  watchReview: z.strictObject({ id: reviewId, hash: z.string().max(128) }),
  unwatchReview: z.strictObject({ id: reviewId }),
  listBlogs: none,
  saveBlog: z.strictObject({ blog: blogConfig.partial({ id: true }), secret: z.string().max(10_000).optional() }),
  removeBlog: z.strictObject({ id: blogConfig.shape.id }),
  preflightPublish: publishRequest.omit({ overwrite: true }),
  publishReview: publishRequest,
  listOutbox: none,
  sendOutbox: none,
  readPublishLog: z.strictObject({ id: reviewId }),
  reportScreen: z.strictObject({ screen: z.enum(SCREENS) }),
  getAbout: none,
  quitReady: z.strictObject({ token: z.uuid() }),
} satisfies { [C in Channel]: z.ZodType }

/** Parses a channel's argument or throws zod's error listing what is wrong. */
export function parseArgs<C extends Channel>(channel: C, raw: unknown): Args<C> {
  return argSchemas[channel].parse(raw) as Args<C>
}
