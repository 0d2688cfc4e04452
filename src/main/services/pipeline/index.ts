/**
 * The one rendering pipeline: review → post model → HTML page, shared by the preview, the exports
 * and publishing. Pure functions: no DOM, no Electron, no file system (themes are passed in; the
 * export service loads them from `resources/themes`).
 */
export { buildPost, htmlBlocks, clip, DEFAULT_WORDS_PER_MINUTE, EXCERPT_LENGTH } from './post'
export { renderPage, renderPageShell, escapeCss, categoryOf, imageSources } from './page'
export { buildJsonLd, serializeJsonLd, ITEM_TYPES } from './jsonld'
export { LETTER_GRADES, parseScore, formatNumber } from './scores'
export { parseEmbedUrl, EMBED_FRAME_ORIGINS } from './embed'
export { IMAGE_REFERENCE, safeRelativePath, safeSitePath, isAllowedResolvedUrl } from './paths'
export { readCriticFields, readSubject } from './criticMeta'
export { sanitizeSchema } from './sanitize'
export { SUBJECT_KINDS, SCORE_SCALES } from './postModel'
export type {
  AssetResolver,
  BuildOptions,
  ImageDetails,
  PageOptions,
  Post,
  PostImage,
  PostScore,
  ReviewInput,
  ScoreScale,
  Subject,
  SubjectKind,
  Theme,
} from './postModel'
