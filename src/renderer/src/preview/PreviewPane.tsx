import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject, type SyntheticEvent } from 'react'
import type { ColorScheme, Result } from '@shared/contract'
import type { EditorDocument } from '@shared/document'
import type { ReviewMeta } from '@shared/model'
import type { PostDate } from '@shared/publish'
import { api } from '@renderer/api'
import { Icon } from '@renderer/components/Icon'
import { Options } from '@renderer/components/Options'
import { FoldedWarnings } from '@renderer/components/Warnings'
import { Toast, type ToastMessage } from '@renderer/components/Toast'
import { errorMessage } from '@renderer/lib/errorMessage'
import { versionedUrl, type LandedImages } from '@renderer/review/useLandedImages'
import { estimateHeight, type Size } from './estimateHeight'
import type { LatestDocument } from './latestDocument'
import { LivePreview, type PreviewInputs } from './livePreview'
import { useFramePage } from './useFramePage'
import { PaneSplitter, useResizablePane } from './PaneSplitter'
import { Segmented } from './Segmented'
import { AsOnNote } from './AsOnNote'
import { AS_ON_PREFIX, useLookChoice } from './lookChoice'
import { SCHEME_OPTIONS, themeLabel, themeOptions, useThemes } from './themes'
import '../styles/preview.css'

export type PreviewWidth = 'desktop' | 'tablet' | 'phone'

/** The viewport widths the page is laid out at (CSS px), then scaled to fit the pane. */
export const PREVIEW_WIDTHS: Record<PreviewWidth, number> = { desktop: 1200, tablet: 820, phone: 390 }

const WIDTH_OPTIONS = [
  { value: 'desktop', label: 'Desktop' },
  { value: 'tablet', label: 'Tablet' },
  { value: 'phone', label: 'Phone' },
] as const

/** Space around the page inside the pane, px (see .preview-viewport). */
const GUTTER = 16

// Remembered while the app runs, so the pane reopens as it was left.
let lastWidth: PreviewWidth = 'desktop'
let lastScheme: ColorScheme = 'light'

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

type Rendered = Result<'renderPreview'> | null

/**
 * The post as readers will see it: the pipeline's page for the unsaved editor state, in a sandboxed
 * iframe (no scripts) that main serves at an address of the app's own origin, so the page keeps its
 * own content security policy, with the blog theme, a device width and light or dark.
 */
export function PreviewPane({ id, meta, doc, images, scrollSource, dated }: Props) {
  const themes = useThemes()
  const [theme, setTheme] = useState<string | null>(null)
  const [width, setWidth] = useState<PreviewWidth>(lastWidth)
  const [colorScheme, setColorScheme] = useState<ColorScheme>(lastScheme)
  const [rendered, setRendered] = useState<Rendered>(null)
  const [error, setError] = useState<string | null>(null)
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const [opening, setOpening] = useState(false)
  const themeId = useId()
  const viewportRef = useRef<HTMLDivElement>(null)
  const box = useBoxSize(viewportRef)
  const live = useRef<LivePreview | null>(null)
  const { frame, src: frameSrc, model, shown: shownPage, show: showPage, loaded: frameLoaded } = useFramePage()
  const look = useLookChoice()
  const asOnBlog = look.asOn && look.blogs.find((blog) => blog.id === look.asOn?.blogId)

  const paneRef = useRef<HTMLElement>(null)
  const notify = useCallback((text: string) => setToast({ id: Date.now(), text }), [])
  const { style, splitter, restore } = useResizablePane(paneRef, scrollSource, notify)

  useEffect(() => {
    api.getSettings().then(
      (settings) => {
        setTheme(settings.theme)
        restore(settings.previewPaneWidth)
      },
      () => setTheme('classic'),
    )
    // Once, when the pane opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const preview = new LivePreview({
      doc,
      render: (args) => api.renderPreview(args),
      shown: shownPage,
      onResult: (result: Result<'renderPreview'>) => {
        if (!showPage(result)) return false
        setRendered(result)
        setError(null)
        return true
      },
      onError: (failure) => setError(errorMessage(failure)),
    })
    live.current = preview
    return () => {
      preview.dispose()
      live.current = null
    }
  }, [doc, shownPage, showPage])

  useEffect(() => {
    if (theme) live.current?.update({ id, meta, theme, colorScheme, asOn: look.asOn, dated } satisfies PreviewInputs)
  }, [doc, id, meta, theme, colorScheme, look.asOn, dated])

  // An image landed or changed: the same text, laid out again in a new page that loads it.
  const firstImages = useRef(images)
  useEffect(() => {
    if (images !== firstImages.current) live.current?.refresh()
  }, [images])


  const dismiss = useCallback(() => setToast(null), [])
  const pageLoaded = useCallback(
    (event: SyntheticEvent<HTMLIFrameElement>) => {
      const page = event.currentTarget.contentDocument
      if (!page) return
      frameLoaded(page, event.currentTarget.getAttribute('src'))
      followLinksOutside(page, (url) => api.openExternal({ url }).catch((failure: unknown) => notify(`The link was not opened: ${errorMessage(failure)}`)))
    },
    [notify, frameLoaded],
  )

  const chooseTheme = (next: string) => {
    // A blog's own look is for the preview only: the theme stays for exports.
    look.choose(next.startsWith(AS_ON_PREFIX) ? next.slice(AS_ON_PREFIX.length) : null)
    if (next.startsWith(AS_ON_PREFIX)) return
    setTheme(next)
    // The theme is the one for preview and export alike: remembered in the settings.
    api.updateSettings({ theme: next }).catch((failure: unknown) => notify(`The theme could not be remembered: ${errorMessage(failure)}`))
  }
  const chooseWidth = (next: PreviewWidth) => {
    lastWidth = next
    setWidth(next)
  }
  const chooseScheme = (next: ColorScheme) => {
    lastScheme = next
    setColorScheme(next)
  }

  const openInBrowser = async () => {
    if (!theme) return
    setOpening(true)
    try {
      const { path } = await api.openInBrowser({ id, meta, doc: doc.current.toJSON() as EditorDocument, theme, colorScheme })
      notify(`Opened in your browser: ${path}`)
    } catch (failure) {
      notify(`The page could not be opened: ${errorMessage(failure)}`)
    } finally {
      setOpening(false)
    }
  }

  // Layout: the page at its device width and (estimated) full height, scaled down to the pane.
  const frameWidth = PREVIEW_WIDTHS[width]
  const sizes = useImageSizes(model?.images ?? NO_IMAGES, images.versionOf)
  const estimated = useMemo(() => (model ? estimateHeight(model, frameWidth, (src) => sizes.get(src)) : 0), [model, frameWidth, sizes])
  const scale = box.width > 0 ? Math.min(1, (box.width - 2 * GUTTER) / frameWidth) : 1
  const frameHeight = Math.ceil(Math.max(heightStep(estimated), (box.height - 2 * GUTTER) / scale))
  useScrollSync(scrollSource, viewportRef, frameHeight)
  return (
    <section className="preview-pane" aria-label="Layout preview" ref={paneRef} style={style}>
      <PaneSplitter {...splitter} />
      <div className="pane-bar preview-controls">
        <div className="preview-field">
          <label htmlFor={themeId}>Theme</label>
          <select id={themeId} value={look.asOn ? `${AS_ON_PREFIX}${look.asOn.blogId}` : (theme ?? '')} disabled={!theme} onChange={(event) => chooseTheme(event.target.value)}>
            {theme && <Options values={themeOptions(themes, theme)} label={themeLabel} />}
            {look.blogs.length > 0 && (
              <optgroup label="Your blogs">
                {look.blogs.map((blog) => (
                  <option key={blog.id} value={`${AS_ON_PREFIX}${blog.id}`}>
                    As on {blog.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <Segmented label="Width" value={width} options={WIDTH_OPTIONS} onChange={chooseWidth} />
        <Segmented label="Colours" value={colorScheme} options={SCHEME_OPTIONS} onChange={chooseScheme} disabled={look.asOn !== null} />
        <button type="button" className="button preview-open" disabled={!theme || opening} onClick={() => void openInBrowser()}>
          <Icon name="open" size={16} /> Open in browser
        </button>
      </div>
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
              style={{ width: frameWidth, height: frameHeight, transform: `scale(${scale})` }}
            />
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

const NO_IMAGES: string[] = []

/** CSS px: the frame's height moves in steps of this, so typing a few words does not resize it. */
const HEIGHT_STEP = 1200

/**
 * The estimate rounded up to a step: a resized frame lays the whole page out again at its new
 * viewport height, which at 50,000 words costs more than the patch that changed a block.
 */
function heightStep(estimated: number): number {
  return Math.ceil(estimated / HEIGHT_STEP) * HEIGHT_STEP
}

/**
 * Links in the preview never navigate the frame: a click (or a middle-click) hands the link to
 * `open`, and a link within the page (a footnote) scrolls to its target here. The listener lives in
 * the app, not the page, so the frame needs no scripts.
 */
function followLinksOutside(page: Document, open: (url: string) => void): void {
  const follow = (event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return
    // The page's elements belong to the frame's window: no instanceof across windows.
    const target = event.target as Partial<Element> | null
    const link = typeof target?.closest === 'function' ? (target.closest('a[href]') as HTMLAnchorElement | null) : null
    if (!link) return
    event.preventDefault()
    const href = link.getAttribute('href') ?? ''
    if (href.startsWith('#')) page.getElementById(href.slice(1))?.scrollIntoView()
    else open(link.href)
  }
  page.addEventListener('click', follow)
  page.addEventListener('auxclick', follow)
}

/** The content box of an element, kept up to date. */
function useBoxSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 })
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return
      const { width, height } = entry.contentRect
      setSize((old) => (old.width === width && old.height === height ? old : { width, height }))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return size
}

/**
 * When the editor scrolls, the preview scrolls to the same relative position. The listener sits
 * on the editor's container in the capture phase (scroll events do not bubble), so it needs no
 * hook inside the editor; frames coalesce a burst of scroll events into one update. A page of a
 * new height (once loaded, or at another width) is put at the editor's place too.
 */
function useScrollSync(sourceRef: RefObject<HTMLElement | null>, targetRef: RefObject<HTMLElement | null>, targetHeight: number): void {
  const scroller = useRef<HTMLElement | null>(null)
  const follow = useCallback(() => {
    const scrolled = scroller.current
    const target = targetRef.current
    if (!scrolled || !target) return
    const range = scrolled.scrollHeight - scrolled.clientHeight
    const ratio = range > 0 ? scrolled.scrollTop / range : 0
    target.scrollTop = ratio * (target.scrollHeight - target.clientHeight)
  }, [targetRef])

  useEffect(() => {
    const source = sourceRef.current
    if (!source) return
    let frame = 0
    const onScroll = (event: Event) => {
      const scrolled = event.target
      if (!(scrolled instanceof HTMLElement) || scrolled.scrollHeight <= scrolled.clientHeight) return
      scroller.current = scrolled
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(follow)
    }
    source.addEventListener('scroll', onScroll, { capture: true, passive: true })
    return () => {
      source.removeEventListener('scroll', onScroll, { capture: true })
      cancelAnimationFrame(frame)
    }
  }, [sourceRef, follow])

  useEffect(follow, [targetHeight, follow])
}

const imageSizes = new Map<string, Size | null>()
const imageListeners = new Set<() => void>()

/**
 * Natural sizes of the page's images, for the height estimate. The app may load the review's own
 * asset URLs (and data: images); anything else is left unmeasured rather than fetched. Each is
 * measured per version of its file, so an image that landed or changed is measured again.
 */
function useImageSizes(srcs: string[], versionOf: (src: string) => number): ReadonlyMap<string, Size> {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const changed = () => setVersion((n) => n + 1)
    imageListeners.add(changed)
    for (const src of new Set(srcs)) {
      const foreign = /^[a-z][a-z0-9+.-]*:/i.test(src) && !/^(data|verdict-asset):/i.test(src)
      const url = versionedUrl(src, versionOf(src))
      if (foreign || imageSizes.has(url)) continue
      imageSizes.set(url, null)
      const image = new Image()
      image.onload = () => {
        imageSizes.set(url, { width: image.naturalWidth, height: image.naturalHeight })
        for (const listener of imageListeners) listener()
      }
      image.onerror = () => imageSizes.delete(url)
      image.src = url
    }
    return () => void imageListeners.delete(changed)
  }, [srcs, versionOf])
  return useMemo(() => {
    void version
    const known = new Map<string, Size>()
    for (const src of srcs) {
      const size = imageSizes.get(versionedUrl(src, versionOf(src)))
      if (size) known.set(src, size)
    }
    return known
  }, [srcs, versionOf, version])
}
