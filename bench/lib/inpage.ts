/**
 * The shapes shared by the harness (Node) and the in-page probe (bench/pages/probe, browser code):
 * types and constants only, so both type-check: this file touches neither Node's nor the DOM's globals.
 */

/** One typed key: the event's own time stamp and what followed it, all on `performance.now()`'s clock. */
export interface KeyStamp {
  key: string
  /** `event.timeStamp`: when the input event was created, before any queueing in the renderer. */
  t: number
  /** First requestAnimationFrame callback after the key (the frame that paints it starts). */
  raf1?: number
  /** A message posted from that callback: runs once the frame's style, layout and paint are done. */
  paint?: number
  /** Second requestAnimationFrame callback (one frame later: an upper bound). */
  raf2?: number
}

/** A PerformanceEventTiming entry, as plain data. */
export interface EventEntry {
  name: string
  startTime: number
  duration: number
  processingStart: number
  processingEnd: number
  interactionId: number
}

export interface ProbeRecord {
  /** The browser reports Event Timing entries (durations ≥ 16 ms). */
  eventTiming: boolean
  keys: KeyStamp[]
  events: EventEntry[]
  longtasks: Array<{ startTime: number; duration: number }>
  /** When recording began and ended (performance.now()). */
  from: number
  to: number
}

/** `window.__probe`: installed before any page script, the same in every candidate. */
export interface Probe {
  begin(): void
  end(): ProbeRecord
  /**
   * Clicks `button` and resolves with the milliseconds until the editor first shows the text,
   * painted and editable (`editableMs`), and until it holds the whole document, ending with
   * `endPhrase` (`wholeMs`): Verdict builds a long review's first screen first.
   */
  clickAndWaitForDocument(button: unknown, endPhrase: string): Promise<{ editableMs: number; wholeMs: number }>
  /** Caret at the end of the paragraph holding `phrase`, scrolled to the middle; false when there is none. */
  placeCaretAfter(phrase: string): boolean
  /** Text of the paragraph holding `phrase`. */
  paragraphText(phrase: string): string
  /** `performance.now()` after the next frame is painted. */
  afterPaint(): Promise<number>
  /** `performance.mark(name)` (shows in traces). */
  mark(name: string): void
}

/** `window.__bench`: what a comparison page offers (bench/pages/shared/bench.tsx). */
export interface BenchPage {
  open(name: string): Promise<number>
}

/** The page's `window`, as far as the harness's `page.evaluate` callbacks use it. */
export interface InPageWindow {
  __probe: Probe
  __bench?: BenchPage
}

/** Selector of the editable element in every candidate. */
export const EDITOR_SELECTOR = '[aria-label="Review text"]'
