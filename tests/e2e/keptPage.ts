/**
 * One browser page per Playwright worker, kept from test to test: a new context and page per test
 * cost each test a new renderer process compiling the 1.4 MB renderer bundle; the kept page takes the
 * bundle and V8's code for it from its cache. The app's server is started on the same port each time
 * (the cache is keyed by address), with a new library, settings and key per test.
 *
 * Between tests everything a test can change is put back as a new context has it: other pages
 * closed, routes and the test's listeners removed, the page on about:blank, cookies, storage of every
 * origin it visited (local, session, IndexedDB, caches, service workers), viewport, emulated media,
 * held keys and buttons. What cannot be undone (init scripts, exposed functions, the fake clock,
 * permissions, offline, extra headers, a CDP session, other timeouts) marks the context used up, and
 * the next test gets a new one. Playwright's own `reuseContext` clears the browser's cache too, which
 * is the part worth keeping.
 */
import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Page, ViewportSize } from '@playwright/test'

/** What a new context emulates (Playwright's defaults), put back after a test changed it. */
const DEFAULT_MEDIA = { media: null, colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none', contrast: 'no-preference' } as const
const MODIFIERS = ['Shift', 'Control', 'Alt', 'Meta']

export interface KeptPageOptions {
  viewport: ViewportSize
  actionTimeout: number
  navigationTimeout: number
}

export class KeptPage {
  private context!: BrowserContext
  private page!: Page
  private session!: CDPSession
  /** Origins the context's pages loaded documents from since the last reset. */
  private readonly origins = new Set<string>()
  private usedUp = false
  /** Removers of the listeners the test added to the page and the context. */
  private readonly added: (() => void)[] = []

  private constructor(
    private readonly browser: Browser,
    private readonly options: KeptPageOptions,
  ) {}

  static async open(browser: Browser, options: KeptPageOptions): Promise<KeptPage> {
    const kept = new KeptPage(browser, options)
    await kept.renew()
    return kept
  }

  /** The page for the next test, at about:blank. */
  take(): { context: BrowserContext; page: Page } {
    return { context: this.context, page: this.page }
  }

  /** The page leaves the test's app (its server is about to close). */
  async leave(): Promise<void> {
    if (!this.page.isClosed()) await this.page.goto('about:blank').catch(() => (this.usedUp = true))
  }

  /** After a test: back to a new context's state, or a new context where that cannot be done. */
  async reset(): Promise<void> {
    if (this.usedUp || this.page.isClosed()) return this.renew()
    try {
      for (const other of this.context.pages()) if (other !== this.page) await other.close()
      await this.page.unrouteAll({ behavior: 'ignoreErrors' })
      await this.context.unrouteAll({ behavior: 'ignoreErrors' })
      for (const remove of this.added.splice(0)) remove()
      // Usually there already: the page left the test's app before its server closed.
      if (this.page.url() !== 'about:blank') await this.page.goto('about:blank')
      for (const key of MODIFIERS) await this.page.keyboard.up(key)
      await this.page.mouse.up()
      await this.page.mouse.move(0, 0)
      await this.context.clearCookies()
      await this.clearStorage()
      const size = this.page.viewportSize()
      if (size?.width !== this.options.viewport.width || size.height !== this.options.viewport.height) await this.page.setViewportSize(this.options.viewport)
      await this.page.emulateMedia(DEFAULT_MEDIA)
    } catch {
      // A page the test left unusable (crashed, hung on a dialog …): start again.
      await this.renew()
    }
  }

  /**
   * Each visited origin's storage. Chromium's clearDataForOrigin takes the tab's session storage of
   * the origin too (keptPage.spec.ts checks it): no page of the origin need be loaded to clear it.
   */
  private async clearStorage(): Promise<void> {
    for (const origin of this.origins) await this.session.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' })
    this.origins.clear()
  }

  async close(): Promise<void> {
    await this.context.close()
  }

  private async renew(): Promise<void> {
    await this.context?.close().catch(() => {})
    const options: BrowserContextOptions = { viewport: this.options.viewport }
    this.context = await this.browser.newContext(options)
    this.context.setDefaultTimeout(this.options.actionTimeout)
    this.context.setDefaultNavigationTimeout(this.options.navigationTimeout)
    this.usedUp = false
    this.origins.clear()
    const track = (page: Page) => page.on('framenavigated', (frame) => this.remember(frame.url()))
    this.context.on('page', track)
    this.page = await this.context.newPage()
    track(this.page)
    this.session = await this.context.newCDPSession(this.page)
    this.watch()
  }

  private remember(url: string): void {
    const { origin } = new URL(url)
    if (origin !== 'null') this.origins.add(origin)
  }

  /**
   * Notes the listeners a test adds, to remove after it, and calls whose effect outlives the test:
   * the context is replaced after a test that made one.
   */
  private watch(): void {
    this.added.length = 0
    for (const target of [this.page, this.context]) {
      for (const name of ['on', 'once', 'addListener', 'prependListener'] as const) {
        const original = target[name]
        Object.defineProperty(target, name, {
          configurable: true,
          value: (...args: [event: string, listener: unknown]) => {
            this.added.push(() => Reflect.apply(target.off, target, args))
            return Reflect.apply(original, target, args)
          },
        })
      }
    }
    const mark = <T extends object>(target: T, names: string[]) => {
      for (const name of names) {
        const original: unknown = Reflect.get(target, name)
        if (typeof original !== 'function') throw new Error(`Playwright has no ${name} to watch`)
        Object.defineProperty(target, name, {
          configurable: true,
          value: (...args: unknown[]) => {
            this.usedUp = true
            return Reflect.apply(original, target, args)
          },
        })
      }
    }
    const both = ['addInitScript', 'exposeBinding', 'exposeFunction', 'setExtraHTTPHeaders', 'routeWebSocket', 'routeFromHAR', 'setDefaultTimeout', 'setDefaultNavigationTimeout']
    mark(this.page, both)
    mark(this.context, [...both, 'grantPermissions', 'setGeolocation', 'setOffline', 'newCDPSession', 'setHTTPCredentials'])
    mark(this.context.clock, ['install', 'fastForward', 'pauseAt', 'resume', 'runFor', 'setFixedTime', 'setSystemTime'])
    // These list what earlier tests' pages logged and loaded too.
    for (const name of ['consoleMessages', 'pageErrors', 'requests']) {
      Object.defineProperty(this.page, name, {
        configurable: true,
        value: () => Promise.reject(new Error(`page.${name}() on the kept page would list earlier tests' too: listen with page.on(…), or give the test its own context (test.use({ ownContext: {} })).`)),
      })
    }
  }
}
