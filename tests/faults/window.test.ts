/**
 * Nothing let in through the window: the hardened BrowserWindow options and the only way a link
 * leaves the app (the security gate's allowlist relies on both).
 */
import { describe, expect, it } from 'vitest'
import { VerdictError } from '../../src/shared/contract'
import { externalUrl, isLinkInAppFrame, openLink, windowOptions, type FrameRef } from '../../src/main/windowOptions'

describe('windowOptions', () => {
  const { webPreferences, ...window } = windowOptions('/app/preload.cjs')

  it('paints the page’s own background before it loads, light or dark, so nothing flashes', () => {
    expect(window.backgroundColor).toBe('#f6f3ee')
    expect(windowOptions('/app/preload.cjs', true).backgroundColor).toBe('#1d1b18')
  })

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    })
  })

  it('keeps web security on and the risky features off', () => {
    expect(webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
    // Options whose defaults are safe must not be switched on.
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures', 'plugins', 'enableRemoteModule']) {
      expect(webPreferences, key).not.toHaveProperty(key)
    }
    expect(window.show).toBe(false)
  })
})

describe('externalUrl', () => {
  it.each([
    ['https://example.com/review?a=1#x', 'https://example.com/review?a=1#x'],
    ['mailto:critic@example.com', 'mailto:critic@example.com'],
    ['HTTPS://EXAMPLE.COM', 'https://example.com/'],
  ])('lets %s out', (raw, expected) => {
    expect(externalUrl(raw)).toBe(expected)
  })

  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'verdict-asset://library/x/review.md',
    '//example.com',
    '/relative',
    ' https://example.com',
    'not a url',
    '',
  ])('refuses %j', (raw) => {
    const result = externalUrl(raw)
    if (result !== null) expect(new URL(result).protocol).toBe('https:')
    else expect(result).toBeNull()
  })
})

describe('openLink (the openExternal channel)', () => {
  const system = () => {
    const opened: string[] = []
    return { opened, openExternal: async (url: string) => void opened.push(url) }
  }

  it('hands https and mailto links to the system, as parsed', async () => {
    const platform = system()
    await openLink('https://example.com/review?a=1', platform)
    await openLink('mailto:critic@example.com', platform)
    await openLink('HTTPS://EXAMPLE.COM', platform)
    expect(platform.opened).toEqual(['https://example.com/review?a=1', 'mailto:critic@example.com', 'https://example.com/'])
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'http://example.com', 'verdict-asset://library/x/review.md', 'http://127.0.0.1:5780/', 'not a url'])(
    'refuses %j without asking the system',
    async (raw) => {
      const platform = system()
      const error = await openLink(raw, platform).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(VerdictError)
      expect((error as VerdictError).code).toBe('INVALID_ARGUMENT')
      expect(platform.opened).toEqual([])
    },
  )
})

describe('isLinkInAppFrame (will-frame-navigate)', () => {
  const page: FrameRef = { processId: 1, routingId: 1, parent: null }
  const preview: FrameRef = { processId: 1, routingId: 2, parent: page }
  const player: FrameRef = { processId: 3, routingId: 7, parent: preview }

  it('catches the preview frame following a link itself', () => {
    expect(isLinkInAppFrame({ isMainFrame: false, frame: preview, initiator: { ...preview } })).toBe(true)
  })

  it('lets frames load what the app gives them, and leaves the page and nested players to their own checks', () => {
    // The app (re)loads the preview's srcdoc: initiated by the page.
    expect(isLinkInAppFrame({ isMainFrame: false, frame: preview, initiator: page })).toBe(false)
    // The preview loads its embedded player.
    expect(isLinkInAppFrame({ isMainFrame: false, frame: player, initiator: preview })).toBe(false)
    expect(isLinkInAppFrame({ isMainFrame: false, frame: player, initiator: player })).toBe(false)
    // The page itself is will-navigate's (isAppUrl).
    expect(isLinkInAppFrame({ isMainFrame: true, frame: page, initiator: page })).toBe(false)
    expect(isLinkInAppFrame({ isMainFrame: false, frame: null, initiator: preview })).toBe(false)
    expect(isLinkInAppFrame({ isMainFrame: false, frame: preview })).toBe(false)
  })
})
