/**
 * Update checks, only ever when the critic said yes (`checkForUpdates`, off until then): nothing
 * goes to the network otherwise. The feed is what electron-builder publishes to the generic server
 * named by the one `publish:` entry in electron-builder.yml: `latest.yml`, `latest-mac.yml`,
 * `latest-linux.yml` beside the installers. Reading it is plain Node (tested against a real local
 * server); downloading and installing is electron-updater's, started by index.ts.
 */
import { gt, valid } from 'semver'
import { parse } from 'yaml'
import { z } from 'zod'

export type UpdateCheck =
  /** The critic has not allowed update checks: nothing was asked. */
  | { kind: 'off' }
  | { kind: 'up-to-date'; version: string }
  | { kind: 'available'; version: string; current: string }
  | { kind: 'failed'; message: string }

export interface UpdateDeps {
  /** Whether the critic allows update checks, read at each check (the setting may change). */
  allowed(): boolean
  /** The running version. */
  current: string
  /** The newest release the update server lists. */
  latest(): Promise<{ version: string }>
  /** Hands a newer release to electron-updater, which downloads it and installs it when Verdict quits. */
  install(version: string): Promise<void>
  log(message: string, detail?: unknown): void
}

/** Asks the server for a newer release, if allowed; a newer one is handed on to be installed. */
export async function checkForUpdate(deps: UpdateDeps): Promise<UpdateCheck> {
  if (deps.allowed() !== true) return { kind: 'off' }
  let result: UpdateCheck
  try {
    const { version } = await deps.latest()
    result = gt(version, deps.current) ? { kind: 'available', version, current: deps.current } : { kind: 'up-to-date', version }
  } catch (error) {
    result = { kind: 'failed', message: error instanceof Error ? error.message : String(error) }
  }
  if (result.kind === 'failed') deps.log('Update check failed', result.message)
  if (result.kind === 'available') await deps.install(result.version).catch((error: unknown) => deps.log(`Update ${result.version} could not be downloaded`, error))
  return result
}

export interface ScheduleDeps extends UpdateDeps {
  /** Calls `listener` whenever the settings change (`allowed` may have); returns the unsubscribe. */
  onSettingsChange(listener: () => void): () => void
}

/**
 * Checks every `everyMs` while allowed. Allowing it (at start, in Settings or the first-run question)
 * checks at once rather than at the next tick; disallowing it stops the checks. Returns the stop.
 */
export function scheduleUpdateChecks(deps: ScheduleDeps, everyMs = 12 * 60 * 60_000): () => void {
  const check = () => void checkForUpdate(deps)
  let timer: ReturnType<typeof setInterval> | undefined
  const follow = () => {
    const allowed = deps.allowed()
    if (allowed && timer === undefined) {
      check()
      timer = setInterval(check, everyMs)
      timer.unref?.()
    } else if (!allowed && timer !== undefined) {
      clearInterval(timer)
      timer = undefined
    }
  }
  follow()
  const unsubscribe = deps.onSettingsChange(follow)
  return () => {
    unsubscribe()
    clearInterval(timer)
  }
}

/** The feed file electron-builder writes for this platform (electron-updater's names). */
export function channelFile(platform: NodeJS.Platform, arch: string): string {
  if (platform === 'darwin') return 'latest-mac.yml'
  if (platform === 'linux') return `latest-linux${arch === 'x64' ? '' : `-${arch}`}.yml`
  return 'latest.yml'
}

const feedFile = z.looseObject({ version: z.string().max(100) })
const appUpdateFile = z.looseObject({ provider: z.literal('generic'), url: z.url({ protocol: /^https?$/ }) })

/** The generic server's address, from the `app-update.yml` electron-builder writes into the app's resources. */
export function feedUrl(appUpdateYml: string): string {
  const config = appUpdateFile.safeParse(parseYaml(appUpdateYml))
  if (!config.success) throw new Error('app-update.yml names no generic update server (provider: generic, url: https://…).')
  return config.data.url
}

/** The newest release `file` on the server at `baseUrl` lists. */
export async function readFeed(baseUrl: string, file: string, fetch: (url: string) => Promise<Response>): Promise<{ version: string }> {
  const url = new URL(file, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString()
  let response: Response
  try {
    response = await fetch(url)
  } catch (error) {
    throw new Error(`The update server could not be reached (${url}): ${error instanceof Error ? error.message : String(error)}`)
  }
  if (!response.ok) throw new Error(`The update server answered ${response.status} for ${url}.`)
  const feed = feedFile.safeParse(parseYaml(await response.text()))
  if (!feed.success || !valid(feed.data.version)) throw new Error(`${file} on the update server names no version.`)
  return { version: feed.data.version }
}

function parseYaml(text: string): unknown {
  try {
    return parse(text)
  } catch {
    return undefined
  }
}
