/**
 * Update checks against a real update server on 127.0.0.1 serving the files electron-builder
 * publishes (`latest.yml`, `latest-linux.yml`); what the server saw is asserted too.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { channelFile, checkForUpdate, feedUrl, readFeed, scheduleUpdateChecks, type UpdateDeps } from '../../../src/main/desktop/updates'
import { createSettingsService, type KeyValueBackend } from '../../../src/main/services/settings/settings'

const feed = (version: string, file: string) => `version: ${version}
files:
  - url: ${file}
    sha512: 3n1jB2ZV6mNlsuvX0eaGDq5u6F7w6bQd0HiqzzWZzEfK1b3lX7gP9w==
    size: 104857600
path: ${file}
sha512: 3n1jB2ZV6mNlsuvX0eaGDq5u6F7w6bQd0HiqzzWZzEfK1b3lX7gP9w==
releaseDate: '2026-12-01T10:00:00.000Z'
`

let server: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})

/** Serves `files` under /verdict/; returns its base URL and the paths asked for. */
async function updateServer(files: Record<string, string>): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = []
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    const body = files[(req.url ?? '').replace(/^\/verdict\//, '')]
    if (body === undefined) res.writeHead(404).end('Not found')
    else res.writeHead(200, { 'content-type': 'text/yaml' }).end(body)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/verdict`, requests }
}

/** The app's check on the Linux feed, with what it handed on to install and logged. */
function updater(url: string, current: string, allowed: boolean) {
  const installed: string[] = []
  const logged: string[] = []
  const deps: UpdateDeps = {
    allowed: () => allowed,
    current,
    latest: () => readFeed(url, channelFile('linux', 'x64'), (address) => fetch(address)),
    install: async (version) => void installed.push(version),
    log: (message, detail) => logged.push(`${message}: ${String(detail)}`),
  }
  return { deps, installed, logged }
}

describe('update checks', () => {
  const files = { 'latest.yml': feed('0.2.0', 'Verdict-Setup-0.2.0.exe'), 'latest-linux.yml': feed('0.2.0', 'Verdict-0.2.0.AppImage') }

  it('asks nothing at all while the critic has not allowed it', async () => {
    const { url, requests } = await updateServer(files)
    const { deps, installed } = updater(url, '0.1.0', false)
    expect(await checkForUpdate(deps)).toEqual({ kind: 'off' })
    expect(requests).toEqual([])
    expect(installed).toEqual([])
  })

  it('finds a newer release in the platform’s feed and hands it on to be installed', async () => {
    const { url, requests } = await updateServer(files)
    const { deps, installed } = updater(url, '0.1.0', true)
    expect(await checkForUpdate(deps)).toEqual({ kind: 'available', version: '0.2.0', current: '0.1.0' })
    expect(requests).toEqual(['/verdict/latest-linux.yml'])
    expect(installed).toEqual(['0.2.0'])
  })

  it('is up to date on the same release (or a newer one running), and installs nothing', async () => {
    const { url } = await updateServer(files)
    for (const current of ['0.2.0', '0.3.0-beta.1']) {
      const { deps, installed } = updater(url, current, true)
      expect(await checkForUpdate(deps)).toEqual({ kind: 'up-to-date', version: '0.2.0' })
      expect(installed).toEqual([])
    }
  })

  it('says clearly when the server is down, lacks the feed, or serves no version; the failure is logged', async () => {
    const { url } = await updateServer({ 'latest-linux.yml': 'files: []\n' })
    const broken = updater(url, '0.1.0', true)
    expect(await checkForUpdate(broken.deps)).toEqual({ kind: 'failed', message: 'latest-linux.yml on the update server names no version.' })
    expect(broken.logged).toEqual(['Update check failed: latest-linux.yml on the update server names no version.'])

    const missing = await readFeed(url, 'latest-mac.yml', (address) => fetch(address)).catch((error: Error) => error.message)
    expect(missing).toBe(`The update server answered 404 for ${url}/latest-mac.yml.`)

    await new Promise((resolve) => server!.close(resolve))
    server = undefined
    const down = updater(url, '0.1.0', true)
    expect(await checkForUpdate(down.deps)).toMatchObject({ kind: 'failed', message: expect.stringMatching(/^The update server could not be reached \(http:\/\/127\.0\.0\.1:\d+\/verdict\/latest-linux\.yml\)/) })
    expect(down.installed).toEqual([])
  })

  it('reads each platform’s feed file and the server electron-builder wrote into app-update.yml', () => {
    const platforms: NodeJS.Platform[] = ['win32', 'darwin', 'linux']
    expect(platforms.map((platform) => channelFile(platform, 'x64'))).toEqual(['latest.yml', 'latest-mac.yml', 'latest-linux.yml'])
    expect(channelFile('linux', 'arm64')).toBe('latest-linux-arm64.yml')
    expect(feedUrl('provider: generic\nurl: https://updates.example.com/verdict\nupdaterCacheDirName: verdict-updater\n')).toBe('https://updates.example.com/verdict')
    expect(() => feedUrl('provider: github\nowner: someone\n')).toThrow('app-update.yml names no generic update server')
    expect(() => feedUrl('provider: generic\nurl: file:///etc\n')).toThrow('app-update.yml names no generic update server')
  })
})

describe('scheduled update checks', () => {
  const HOUR = 60 * 60_000
  afterEach(() => vi.useRealTimers())

  it('checks at once when the setting is switched on, then on the schedule; switched off, none are left', async () => {
    // Only the schedule's clock is faked: the requests to the server are real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { url, requests } = await updateServer({ 'latest-linux.yml': feed('0.2.0', 'Verdict-0.2.0.AppImage') })
    const backend: KeyValueBackend = { store: {}, set: (values) => Object.assign(backend.store, values) }
    const settings = createSettingsService(backend)
    const { deps, installed } = updater(url, '0.1.0', false)
    let asked = 0
    const stop = scheduleUpdateChecks(
      {
        ...deps,
        allowed: () => settings.get().checkForUpdates,
        // Counted as the check starts, so "none" needs no waiting.
        latest: () => (asked++, deps.latest()),
        onSettingsChange: (listener) => settings.subscribe(listener),
      },
      12 * HOUR,
    )
    const feedRequests = (count: number) => Array.from({ length: count }, () => '/verdict/latest-linux.yml')

    // Off (the default): nothing is asked, however long Verdict runs.
    vi.advanceTimersByTime(36 * HOUR)
    expect(asked).toBe(0)
    // Switched on (Settings, the first-run question): a check right away, not at the next tick.
    settings.update({ checkForUpdates: true })
    expect(asked).toBe(1)
    await expect.poll(() => requests).toEqual(feedRequests(1))
    await expect.poll(() => installed).toEqual(['0.2.0'])
    // Then the usual schedule; another setting changed asks nothing more.
    settings.update({ author: 'Ana Critic' })
    vi.advanceTimersByTime(12 * HOUR)
    expect(asked).toBe(2)
    await expect.poll(() => requests).toEqual(feedRequests(2))

    // Switched off: no check is left scheduled.
    settings.update({ checkForUpdates: false })
    expect(vi.getTimerCount()).toBe(0)
    vi.advanceTimersByTime(36 * HOUR)
    // On again: at once again.
    settings.update({ checkForUpdates: true })
    expect(asked).toBe(3)
    await expect.poll(() => requests).toEqual(feedRequests(3))

    // Stopped (Verdict quits): the setting is no longer followed.
    stop()
    expect(vi.getTimerCount()).toBe(0)
    settings.update({ checkForUpdates: false })
    settings.update({ checkForUpdates: true })
    expect(asked).toBe(3)
  })
})
