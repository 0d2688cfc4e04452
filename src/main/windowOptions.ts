import type { BrowserWindowConstructorOptions } from 'electron'
import { VerdictError } from '../shared/contract'

/** The window's first size and the smallest it can be made. */
export const WINDOW_SIZES = { width: 1280, height: 820, minWidth: 880, minHeight: 560 }

/**
 * The hardened options of every Verdict window; pure so a unit test can inspect them. Its colour
 * before the page paints is the page's own (base.css `--bg`), light or dark, so nothing flashes.
 */
export function windowOptions(preloadPath: string, dark = false): BrowserWindowConstructorOptions {
  return {
    ...WINDOW_SIZES,
    show: false,
    title: 'Verdict',
    backgroundColor: dark ? '#1d1b18' : '#f6f3ee',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  }
}

/** Links the user clicks leave the app only as https or mailto, after the URL has been parsed. */
export function externalUrl(raw: string): string | null {
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' || url.protocol === 'mailto:' ? url.toString() : null
  } catch {
    return null
  }
}

/**
 * The `openExternal` channel: a link clicked in the preview goes to the system's browser or mail
 * program (`platform.openExternal`) only as externalUrl lets it out; anything else is INVALID_ARGUMENT.
 */
export async function openLink(raw: string, platform: { openExternal(url: string): Promise<void> }): Promise<void> {
  const safe = externalUrl(raw)
  if (safe === null) throw new VerdictError('INVALID_ARGUMENT', `Only https and mailto links open outside Verdict; “${raw.slice(0, 200)}” was not opened.`)
  await platform.openExternal(safe)
}

/** A frame as Electron's WebFrameMain describes it, reduced to what the navigation check reads. */
export interface FrameRef {
  processId: number
  routingId: number
  parent: FrameRef | null
}

/**
 * True when a frame of the app's page (the preview) is following a link itself: such a navigation
 * never happens in the app (the link goes to externalUrl). False for the app's page, for a frame's
 * own first load (initiated by its parent), and for frames nested deeper (embedded players).
 */
export function isLinkInAppFrame(details: { isMainFrame: boolean; frame: FrameRef | null; initiator?: FrameRef | null | undefined }): boolean {
  const { isMainFrame, frame, initiator } = details
  if (isMainFrame || !frame || !initiator) return false
  const itself = frame.processId === initiator.processId && frame.routingId === initiator.routingId
  return itself && frame.parent !== null && frame.parent.parent === null
}
