/**
 * The in-page probe (`window.__probe`), injected into every candidate's page before its own
 * scripts run (Playwright `addInitScript`; built to one classic script by the harness): a
 * capturing keydown listener that stamps each key, the Event Timing and longtask observers, and
 * the DOM steps the harness needs. Browser code, so `.tsx`: tsconfig.e2e.json takes bench's `.ts`
 * files (Node code), bench/pages/tsconfig.json these.
 */
import type { EventEntry, KeyStamp, Probe, ProbeRecord } from '../../lib/inpage'
import { EDITOR_SELECTOR } from '../../lib/inpage'

declare global {
  interface Window {
    __probe?: Probe
  }
}

function install(): void {
  if (window.__probe) return
  let recording = false
  let from = 0
  let keys: KeyStamp[] = []
  const events: EventEntry[] = []
  const longtasks: ProbeRecord['longtasks'] = []

  /** Runs `then` once the frame that starts now has been painted (a message queued from requestAnimationFrame). */
  const afterThisFrame = (then: () => void) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = then
    channel.port2.postMessage(0)
  }

  addEventListener(
    'keydown',
    (event) => {
      if (!recording) return
      const stamp: KeyStamp = { key: event.key, t: event.timeStamp }
      keys.push(stamp)
      requestAnimationFrame(() => {
        stamp.raf1 = performance.now()
        afterThisFrame(() => (stamp.paint = performance.now()))
        requestAnimationFrame(() => (stamp.raf2 = performance.now()))
      })
    },
    true,
  )

  const supported = PerformanceObserver.supportedEntryTypes
  if (supported.includes('event')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        events.push({
          name: entry.name,
          startTime: entry.startTime,
          duration: entry.duration,
          processingStart: entry.processingStart,
          processingEnd: entry.processingEnd,
          interactionId: (entry as PerformanceEventTiming & { interactionId?: number }).interactionId ?? 0,
        })
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
  }
  if (supported.includes('longtask')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longtasks.push({ startTime: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  }

  const paragraphWith = (phrase: string) =>
    [...(document.querySelector(EDITOR_SELECTOR)?.querySelectorAll('p') ?? [])].find((p) => p.textContent?.includes(phrase))

  window.__probe = {
    begin() {
      keys = []
      from = performance.now()
      recording = true
    },
    end() {
      recording = false
      const to = performance.now()
      return {
        eventTiming: supported.includes('event'),
        keys,
        events: events.filter((e) => e.startTime >= from && e.startTime <= to),
        longtasks: longtasks.filter((t) => t.startTime + t.duration >= from && t.startTime <= to),
        from,
        to,
      }
    },
    clickAndWaitForDocument(button, endPhrase) {
      return new Promise((resolve) => {
        const started = performance.now()
        let editableMs: number | undefined
        ;(button as HTMLElement).click()
        const tick = () => {
          const root = document.querySelector(EDITOR_SELECTOR)
          const shown = root?.getAttribute('contenteditable') === 'true' && Boolean(root.firstElementChild?.textContent)
          // The first frame showing the text in the editable element: messages run in order, so before the whole's.
          if (shown && editableMs === undefined) afterThisFrame(() => (editableMs ??= performance.now() - started))
          if (shown && root?.lastElementChild?.textContent?.includes(endPhrase)) {
            afterThisFrame(() => {
              const wholeMs = performance.now() - started
              resolve({ editableMs: editableMs ?? wholeMs, wholeMs })
            })
          } else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })
    },
    placeCaretAfter(phrase) {
      const root = document.querySelector<HTMLElement>(EDITOR_SELECTOR)
      const paragraph = paragraphWith(phrase)
      if (!root || !paragraph) return false
      paragraph.scrollIntoView({ block: 'center' })
      root.focus({ preventScroll: true })
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
      let last: Text | null = null
      while (walker.nextNode()) last = walker.currentNode as Text
      if (!last) return false
      getSelection()?.setBaseAndExtent(last, last.length, last, last.length)
      return true
    },
    paragraphText(phrase) {
      return paragraphWith(phrase)?.textContent ?? ''
    },
    afterPaint() {
      return new Promise((resolve) => requestAnimationFrame(() => afterThisFrame(() => resolve(performance.now()))))
    },
    mark(name) {
      performance.mark(name)
    },
  }
}

install()
