/**
 * Nothing let in through the window: the hardened BrowserWindow options and the only way a link
 * leaves the app (the security gate's allowlist relies on both).
 */
import { describe, expect, it } from 'vitest'
import { externalUrl, windowOptions } from '../../src/main/windowOptions'

describe('windowOptions', () => {
  const { webPreferences, ...window } = windowOptions('/app/preload.cjs')

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
