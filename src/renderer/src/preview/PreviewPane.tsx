import { useCallback, useMemo, useRef, type RefObject, type SyntheticEvent } from 'react'
import type { ReviewMeta } from '@shared/model'
import type { PostDate } from '@shared/publish'
import { api } from '@renderer/api'
import { Icon } from '@renderer/components/Icon'
import { FoldedWarnings } from '@renderer/components/Warnings'
import { Toast, useToast } from '@renderer/components/Toast'
import { errorMessage } from '@renderer/lib/errorMessage'
import type { LandedImages } from '@renderer/review/useLandedImages'
import { followLinksOutside } from './followLinksOutside'
import type { LatestDocument } from './latestDocument'
import type { PreviewInputs } from './livePreview'
import { PaneSplitter, useResizablePane } from './PaneSplitter'
import { AsOnNote } from './AsOnNote'
import { PreviewControls } from './PreviewControls'
import { useFrameLayout } from './useFrameLayout'
import { useFramePage } from './useFramePage'
import { useFrameScroll } from './useFrameScroll'
import { useLivePreview } from './useLivePreview'
import { useOpenInBrowser } from './useOpenInBrowser'
import { usePreviewChoices } from './usePreviewChoices'
import { useScrollSync } from './useScrollSync'
import '../styles/preview.css'

interface Props {
  id: string
  meta: ReviewMeta
  /** The editor's newest state; read (and serialized) only once typing pauses. */
  doc: LatestDocument
  /** Images that landed on disk after the review opened: the page is laid out again with them. */
  images: LandedImages
  /** The element holding the editor: its scrolling moves the preview to the same relative place. */
  scrollSource: RefObject<HTMLElement | null>
  /** The Publish dialog's date choice, which a blog's look shows the post with. */
  dated: PostDate
}

/**
 * The post as readers will see it: the pipeline's page for the unsaved editor state, in a sandboxed
 * iframe (no scripts) that main serves at an address of the app's own origin, so the page keeps its
 * own content security policy, with the blog theme, a device width and light or dark.
 */
export function PreviewPane({ id, meta, doc, images, scrollSource, dated }: Props) {
  const { toast, notify, dismiss } = useToast()
  const paneRef = useRef<HTMLElement>(null)
  const { style, splitter, restore } = useResizablePane(paneRef, scrollSource, notify)
  const choices = usePreviewChoices({ restorePaneWidth: restore, notify })
  const { theme, colorScheme, look } = choices
  const asOnBlog = look.asOn && look.blogs.find((blog) => blog.id === look.asOn?.blogId)

  const framePage = useFramePage()
  const { frame, src: frameSrc, model, loaded: frameLoaded } = framePage
  const inputs = useMemo<PreviewInputs | null>(
    () => (theme ? { id, meta, theme, colorScheme, asOn: look.asOn, dated } : null),
    [id, meta, theme, colorScheme, look.asOn, dated],
  )
  const { rendered, error } = useLivePreview({ doc, inputs, images, page: framePage })
  const { opening, openInBrowser } = useOpenInBrowser({ id, meta, doc, theme, colorScheme, notify })

  const viewportRef = useRef<HTMLDivElement>(null)
  const { frameWidth, frameHeight, windowHeight, scale } = useFrameLayout(viewportRef, model, choices.width, images)
  useScrollSync(scrollSource, viewportRef, frameHeight)
  const scrollWithViewport = useFrameScroll(viewportRef, scale, windowHeight)

  const pageLoaded = useCallback(
    (event: SyntheticEvent<HTMLIFrameElement>) => {
      const page = event.currentTarget.contentDocument
      if (!page) return
      frameLoaded(page, event.currentTarget.getAttribute('src'))
      scrollWithViewport(page)
      followLinksOutside(page, (url) => api.openExternal({ url }).catch((failure: unknown) => notify(`The link was not opened: ${errorMessage(failure)}`)))
    },
    [notify, frameLoaded, scrollWithViewport],
  )
  return (
    <section className="preview-pane" aria-label="Layout preview" ref={paneRef} style={style}>
      <PaneSplitter {...splitter} />
      <PreviewControls {...choices} opening={opening} openInBrowser={() => void openInBrowser()} />
      {asOnBlog && (
        <AsOnNote
          blogName={asOnBlog.name}
          shown={rendered?.asOn?.blogName === asOnBlog.name ? rendered.asOn : undefined}
          onRefresh={look.refresh}
        />
      )}
      {error && (
        <p className="preview-problem" role="alert">
          <Icon name="warning" size={16} /> The page could not be updated: {error}
        </p>
      )}
      {rendered && rendered.warnings.length > 0 && (
        <FoldedWarnings
          className="preview-warnings"
          warnings={rendered.warnings}
          summary={
            <>
              {rendered.warnings.length} {rendered.warnings.length === 1 ? 'thing' : 'things'} readers won’t see as written
            </>
          }
        />
      )}
      {/* Focusable so that the keyboard can scroll the page (the frame itself runs no script). */}
      <div ref={viewportRef} className="preview-viewport" tabIndex={0} role="group" aria-label="The post, scrollable">
        {frameSrc ? (
          <div className="preview-sizer" style={{ width: frameWidth * scale, height: frameHeight * scale }}>
            {/* Stays in the viewport while it scrolls; the frame in it scrolls its page along. */}
            <div className="preview-window" style={{ height: windowHeight * scale }}>
              <iframe
                ref={frame}
                className="preview-frame"
                title="Preview"
                // No allow-scripts: the page runs nothing. Same origin only so that the app can catch a
                // click on a link, which main opens outside (https and mailto) instead of the frame following it.
                sandbox="allow-same-origin"
                referrerPolicy="no-referrer"
                src={frameSrc}
                onLoad={pageLoaded}
                style={{ width: frameWidth, height: windowHeight, transform: `scale(${scale})` }}
              />
            </div>
          </div>
        ) : (
          !error && (
            <p className="loading" aria-busy="true">
              Laying out the page…
            </p>
          )
        )}
      </div>
      <Toast toast={toast} onDismiss={dismiss} />
    </section>
  )
}
