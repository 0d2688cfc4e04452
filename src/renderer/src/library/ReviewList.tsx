import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { elementScroll, observeElementOffset, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import type { ReviewSummary } from '@shared/model'
import { ReviewRow, type RowActions } from './ReviewRow'
import { useRovingRows, type ListOrder } from './rovingRows'

/**
 * Lists shorter than this render every row (find in page and screen readers see them all); longer
 * ones render the rows in view plus some overscan, so a keystroke in the search field or a new
 * listing touches tens of rows, not thousands.
 */
export const VIRTUAL_FROM = 100
/** A card with a meta line and tags; rows are measured once rendered. */
const ESTIMATED_ROW_PX = 118
/** `.review-list`'s gap. */
const ROW_GAP_PX = 10
const OVERSCAN = 6
const estimateSize = (): number => ESTIMATED_ROW_PX

/**
 * A row's height from its ResizeObserver entry. When a row is attached there is no entry yet: the
 * size known for it (or the estimate) stands in, rather than forcing a layout in the middle of the
 * commit; the observer reports the real height before the frame is painted. A hidden list's rows
 * report no height: they keep the one they had.
 */
function measureRow(element: HTMLLIElement, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, HTMLLIElement>): number {
  const box = entry?.borderBoxSize?.[0]
  const height = box ? box.blockSize : entry?.contentRect.height
  if (height) return Math.round(height)
  const index = instance.indexFromElement(element)
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? estimateSize()
}

interface Props {
  reviews: readonly ReviewSummary[]
  selected: ReadonlySet<string>
  highlighted: string | null
  actions: RowActions
  /** The element that scrolls the list (the list may not start at its top). */
  scrollElement: () => HTMLElement | null
  /** A review whose row takes the focus once it is listed (back from it, after a delete); then `onFocused`. */
  focusId?: string | null
  onFocused?: (found: boolean) => void
  /**
   * Hidden while search results take its place: the list stays built (its rows, their heights, the
   * order the arrow keys walk), so the first key typed and clearing the search build none of it.
   */
  hidden?: boolean
}

/** Focuses the row of `focusId` once it is rendered; `reveal` brings a row of a long list into the DOM first. */
function useFocusRequest({ reviews, focusId, onFocused }: Props, focusReview: (id: string) => boolean, reveal?: (index: number) => void) {
  useEffect(() => {
    if (!focusId) return
    const index = reviews.findIndex((review) => review.id === focusId)
    if (index === -1) return onFocused?.(false)
    if (focusReview(focusId)) onFocused?.(true)
    else reveal?.(index)
  })
}

/** Rendered again only when its own props change, not at every key typed in the search field. */
export const ReviewList = memo(function ReviewList(props: Props) {
  if (props.reviews.length >= VIRTUAL_FROM) return <VirtualReviewList {...props} />
  return <ShortReviewList {...props} />
})

function ShortReviewList(props: Props) {
  const { reviews, selected, highlighted, actions } = props
  const listRef = useRef<HTMLUListElement>(null)
  const { onFocus, onKeyDown, focusReview } = useRovingRows(listRef)
  useFocusRequest(props, focusReview)
  return (
    <ul ref={listRef} className="review-list" aria-label="Reviews" hidden={props.hidden} onFocus={onFocus} onKeyDown={onKeyDown}>
      {reviews.map((review) => (
        <ReviewRow key={review.id} review={review} actions={actions} selected={selected.has(review.id)} highlighted={highlighted === review.id} />
      ))}
    </ul>
  )
}

/**
 * Only the rows in view are in the DOM, in normal flow between padding that stands for the rest.
 * The arrow keys still walk every row: a key past the rendered rows scrolls to the next one and
 * focuses it once rendered (rovingRows.ts).
 */
function VirtualReviewList(props: Props) {
  const { reviews, selected, highlighted, actions, scrollElement, hidden = false } = props
  const listRef = useRef<HTMLUListElement>(null)
  /** Where the list starts inside the scrolling element: offsets are taken from the list's top. */
  const listTop = useCallback((): number => {
    const list = listRef.current
    const scroller = scrollElement()
    if (!list || !scroller) return 0
    return list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
  }, [scrollElement])
  // Stable between renders: the virtualizer recomputes every row's offset when these change.
  const itemKey = useCallback((index: number) => reviews[index]!.id, [reviews])
  // A hidden list has no place to take offsets from: the scrolling while it is hidden is the
  // results'. Once it shows, the offset is read again in the next frame, before its layout (read
  // while committing, it forced a layout of the page of its own).
  const hiddenNow = useRef(hidden)
  const reportOffset = useRef<(offset: number, scrolling: boolean) => void>(undefined)
  const offsetFromList = useCallback(
    (instance: Virtualizer<HTMLElement, HTMLLIElement>, report: (offset: number, scrolling: boolean) => void) => {
      reportOffset.current = report
      return observeElementOffset(instance, (offset, scrolling) => {
        if (!hiddenNow.current) report(offset - listTop(), scrolling)
      })
    },
    [listTop],
  )
  useLayoutEffect(() => {
    const shown = hiddenNow.current && !hidden
    hiddenNow.current = hidden
    if (!shown) return
    const frame = requestAnimationFrame(() => {
      const scroller = scrollElement()
      if (scroller) reportOffset.current?.(scroller.scrollTop - listTop(), false)
    })
    return () => cancelAnimationFrame(frame)
  }, [hidden, scrollElement, listTop])
  const scrollFromList = useCallback(
    (offset: number, options: Parameters<typeof elementScroll>[1], instance: Virtualizer<HTMLElement, HTMLLIElement>) =>
      elementScroll(offset + listTop(), options, instance),
    [listTop],
  )
  // Rows are memoised on their own props; nothing memoises what the virtualizer returns.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count: reviews.length,
    getScrollElement: scrollElement,
    estimateSize,
    getItemKey: itemKey,
    gap: ROW_GAP_PX,
    overscan: OVERSCAN,
    observeElementOffset: offsetFromList,
    scrollToFn: scrollFromList,
    measureElement: measureRow,
  })
  const order = useMemo<ListOrder>(() => {
    const at = new Map(reviews.map((review, index) => [review.id, index]))
    return {
      count: reviews.length,
      indexOf: (id) => at.get(id) ?? -1,
      idAt: (index) => reviews[index]?.id,
      reveal: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    }
  }, [reviews, virtualizer])
  const { onFocus, onKeyDown, focusReview } = useRovingRows(listRef, order)

  // Scroll an imported review into view once it is listed.
  const scrolledTo = useRef<string | null>(null)
  useEffect(() => {
    if (!highlighted || scrolledTo.current === highlighted) return
    const index = reviews.findIndex((review) => review.id === highlighted)
    if (index === -1) return
    scrolledTo.current = highlighted
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }, [highlighted, reviews, virtualizer])

  useFocusRequest(props, focusReview, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }))

  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const last = items.at(-1)
  const padding = first && last ? { paddingTop: first.start, paddingBottom: Math.max(0, virtualizer.getTotalSize() - last.end) } : {}
  return (
    <ul ref={listRef} className="review-list" aria-label="Reviews" hidden={hidden} style={padding} onFocus={onFocus} onKeyDown={onKeyDown}>
      {items.map((item) => {
        const review = reviews[item.index]!
        return (
          <ReviewRow
            key={item.key}
            ref={virtualizer.measureElement}
            review={review}
            actions={actions}
            selected={selected.has(review.id)}
            highlighted={highlighted === review.id}
            index={item.index}
            count={reviews.length}
          />
        )
      })}
    </ul>
  )
}
