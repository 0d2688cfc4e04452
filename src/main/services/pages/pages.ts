import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BLOG_KIND_DESCRIPTORS } from '../../../shared/blogKinds'
import type { AsOnRequest, ExportRequest, ExportSummary, PageLook, PreviewPage } from '../../../shared/contract'
import type { DocumentDelta } from '../../../shared/delta'
import type { EditorDocument } from '../../../shared/document'
import type { ReviewMeta, ReviewSummary } from '../../../shared/model'
import { documentToMarkdown } from '../format'
import { exportBatch, exportHtmlFile, importBundle, listThemes, loadReviewSource, loadTheme, loadUserCss, type PdfPrinter } from '../export'
import type { RenderSettings, StyleDirs } from '../export'
import { fail } from '../errors'
import type { EventBus } from '../events'
import { DocumentBases } from '../library/bases'
import type { LibraryManager } from '../library/manager'
import { buildPost, htmlBlocks, renderPageShell, type BuildOptions } from '../pipeline'
import type { BlogLooks } from '../blogLook/looks'
import { placePost } from '../blogLook/placePost'
import type { BlogStore } from '../publish/blogs'
import { bylineInPost, type PublishService } from '../publish/service'
import { PreviewPages } from './previewPages'
import type { SettingsService } from '../settings/settings'

export interface PagesOptions {
  libraries: LibraryManager
  settings: SettingsService
  events: EventBus
  styleDirs: StyleDirs
  printer: PdfPrinter
  /** The URL under which the window loads a review's file (the asset protocol, or the test host's path). */
  assetUrl(reviewId: string, relativePath: string): string
  /** Opens a file with the system's default program. */
  openPath(path: string): Promise<void>
  blogs: BlogStore
  /** The blogs' own looks, for "As on <blog>". */
  looks: BlogLooks
  /** The byline and date a publish would give the post, for "As on <blog>". */
  publishing: Pick<PublishService, 'asPublished'>
}

interface EditorState extends PageLook {
  id: string
  meta: ReviewMeta
  doc: EditorDocument
}

interface PreviewRequest extends Omit<EditorState, 'doc'> {
  /** Whole, or a delta on the document of an earlier render (its reply's `base`). */
  doc: EditorDocument | DocumentDelta
  asOn?: AsOnRequest | undefined
  /** The page the frame shows, which the reply may patch. */
  shown?: string | undefined
}

/** Preview, open-in-browser, export and import: every page comes from the one pipeline. */
export class PagesService {
  /** The preview's pages, which the window's protocol and the browser mode's server answer from. */
  readonly previews = new PreviewPages()
  /** The documents of the latest renders, which the next render's delta names. */
  private readonly previewBases = new DocumentBases()

  constructor(private readonly options: PagesOptions) {}

  listThemes(): Promise<string[]> {
    return listThemes(this.options.styleDirs.themes)
  }

  async preview({ id, meta, doc: sent, theme, colorScheme, asOn, shown }: PreviewRequest): Promise<PreviewPage> {
    const library = this.options.libraries.current()
    await library.reviewDir(id)
    const sitePaths = (await library.siteFiles()) !== undefined
    const doc = this.previewBases.resolve(sent)
    const base = this.previewBases.hold(doc)
    const review = { id, meta, body: documentToMarkdown(doc), sitePaths }
    const options: BuildOptions = {
      // Nothing is fetched from a video site while drafting: each video is a card of its player's size.
      online: false,
      playerSizedCards: true,
      wordsPerMinute: this.options.settings.get().wordsPerMinute,
      resolveAsset: (path) => this.options.assetUrl(id, path),
    }
    if (asOn) return { ...(await this.previewAsOn(review, options, asOn)), base }
    const post = buildPost(review, options)
    const userCss = await loadUserCss(library.root)
    const { shell, head } = renderPageShell(post, {
      theme: await loadTheme(this.options.styleDirs, theme),
      colorScheme,
      online: false,
      ...(userCss ? { userCss } : {}),
    })
    const page = { shell, head, blocks: htmlBlocks(post) }
    const patch = shown === undefined ? undefined : this.previews.patch(shown, page)
    return { url: this.previews.put(page), ...(patch ? { patch } : {}), base, warnings: post.warnings }
  }

  /**
   * The post in the blog's form, in a page of the blog (fetched now only when `refresh`), signed
   * and dated as a publish with the dialog's date choice would sign and date it.
   */
  private async previewAsOn(review: Parameters<typeof buildPost>[0], options: BuildOptions, asOn: AsOnRequest): Promise<Omit<PreviewPage, 'base'>> {
    const blog = await this.options.blogs.get(asOn.blogId)
    if (blog.kind === 'folder') fail('INVALID_ARGUMENT', `${blog.name} is a folder blog: its pages use Verdict’s themes, which the Theme list offers.`)
    const form = BLOG_KIND_DESCRIPTORS[blog.kind].post
    const [{ look, unreachable }, { byline, date }] = await Promise.all([
      this.options.looks.look(blog, asOn.refresh),
      this.options.publishing.asPublished(blog, review.meta, asOn.dated, asOn.refresh),
    ])
    const signed = { ...review, meta: { ...review.meta, date, ...(byline ? { author: byline.name } : {}) } }
    const post = buildPost(signed, { ...options, form, byline: bylineInPost(byline, blog.kind) })
    // With the review's author named atop the post, the theme's byline names the account.
    const signedBy = byline?.shown === 'in-post' && byline.unmatched ? byline.unmatched.account : post.byline.author
    const html = placePost(look.html, post, { form, signedBy })
    return {
      url: this.previews.put(html),
      warnings: post.warnings,
      asOn: { blogName: blog.name, pageUrl: look.pageUrl, fetchedAt: look.fetchedAt, ...(unreachable ? { unreachable } : {}) },
    }
  }

  /** The unsaved editor state as a self-contained page in a temp folder, handed to the browser. */
  async openInBrowser({ id, meta, doc, theme, colorScheme }: EditorState): Promise<{ path: string }> {
    const source = { ...(await loadReviewSource(this.options.libraries.current(), id)), meta, body: documentToMarkdown(doc) }
    const dest = join(await mkdtemp(join(tmpdir(), 'verdict-page-')), `${id}.html`)
    await exportHtmlFile(source, dest, { ...(await this.renderSettings(theme, colorScheme)), online: true })
    await this.options.openPath(dest)
    return { path: dest }
  }

  async exportReviews(request: ExportRequest): Promise<ExportSummary> {
    const library = this.options.libraries.current()
    const summary = await exportBatch({
      ids: request.ids,
      format: request.format,
      destDir: request.destDir,
      load: (id) => loadReviewSource(library, id),
      render: await this.renderSettings(request.theme, request.colorScheme),
      printer: this.options.printer,
      pdf: { pageSize: request.pageSize, marginsMm: request.marginsMm },
      onProgress: ({ index, total, id, state, error }) =>
        this.options.events.emit({ type: 'export-progress', index, total, id, state, ...(error ? { error } : {}) }),
    })
    return { total: summary.total, succeeded: summary.succeeded, failed: summary.failed }
  }

  async importReview(path: string): Promise<ReviewSummary> {
    const library = this.options.libraries.current()
    // A bundle becomes a Verdict review folder, which a site's layout would neither list nor want.
    if (await library.siteFiles()) fail('INVALID_ARGUMENT', 'This library is a site’s own folder: a review is imported into a library in Verdict’s layout, or made here with New review. Nothing was written.')
    const { id } = await importBundle(path, library.root)
    return library.summary(id)
  }

  private async renderSettings(theme: string, colorScheme: PageLook['colorScheme']): Promise<RenderSettings> {
    const userCss = await loadUserCss(this.options.libraries.current().root)
    return {
      theme: await loadTheme(this.options.styleDirs, theme),
      colorScheme,
      wordsPerMinute: this.options.settings.get().wordsPerMinute,
      ...(userCss ? { userCss } : {}),
    }
  }
}
