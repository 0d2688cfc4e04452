/**
 * Two real Syncthing instances (Debian's `syncthing`, found by scripts/syncthing.mjs) sharing one
 * folder over 127.0.0.1: each with its own home, API key, GUI and listen ports, device id. Discovery,
 * relays, NAT and usage reports are off, so nothing leaves loopback. The recipe and its measured
 * timings: the project's Syncthing guide (`syncthing-pair.md`).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { freePort } from '../support/ports'
import { slow } from '../support/slow'

export const FOLDER_ID = 'library'

const BINARY = process.env['VERDICT_SYNCTHING'] ?? 'syncthing'

export interface Peer {
  name: 'A' | 'B'
  /** The synced folder: the Verdict library on this machine. */
  dir: string
  /** Syncthing's own config and database. */
  home: string
  deviceId: string
  /** The REST API at 127.0.0.1 (`/rest/…`, with the API key). */
  api<T = unknown>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T>
  /** Syncthing's log, to print when a wait fails. */
  log(): Promise<string>
}

export interface SyncPair {
  a: Peer
  b: Peer
  /** Scans both folders now (not waiting for the watcher) and waits until each has all the other has. */
  synced(): Promise<void>
  /** Cuts the link (A pauses B): edits stay on their side until `resume`. */
  pause(): Promise<void>
  resume(): Promise<void>
  /** Stops both instances and removes their homes and folders. */
  stop(): Promise<void>
}

interface Instance extends Peer {
  process: ChildProcess
  exited: Promise<void>
  apiKey: string
  guiPort: number
  listenPort: number
}

/** How long one wait on Syncthing may take: connected in ~2 s and small files synced in ms on an idle machine. */
const WAIT = { timeout: slow(30_000), interval: 50 }

/** Starts A and B on a fresh folder pair and waits until they are connected and both folders idle. */
export async function startSyncPair(): Promise<SyncPair> {
  const base = await mkdtemp(join(tmpdir(), 'verdict-sync-'))
  const [a, b] = await Promise.all([prepare(base, 'A'), prepare(base, 'B')])
  await Promise.all([writeConfig(a, b), writeConfig(b, a)])
  const ia: Instance = { ...a, ...launch(base, a) }
  const ib: Instance = { ...b, ...launch(base, b) }
  const instances = [ia, ib]
  const stop = async () => {
    await Promise.all(instances.map(shutdown))
    await rm(base, { recursive: true, force: true })
  }
  try {
    await Promise.all(instances.map((peer) => waitFor(peer, 'answers', async () => (await peer.api<{ ping: string }>('GET', '/rest/system/ping')).ping === 'pong')))
    await Promise.all([connected(ia, ib), connected(ib, ia)])
    await Promise.all(instances.map((peer) => waitFor(peer, 'folder idle', async () => (await folderStatus(peer)).state === 'idle')))
  } catch (error) {
    await stop()
    throw error
  }
  return {
    a: ia,
    b: ib,
    async synced() {
      // The writer must scan first: before it has, completion still reads 100 % (the guide's trap).
      await Promise.all(instances.map((peer) => peer.api('POST', `/rest/db/scan?folder=${FOLDER_ID}`)))
      await Promise.all([complete(ia, ib), complete(ib, ia)])
      // Completion is each side's view of the other's last announced index; under load it can read
      // 100 % before the other has pulled a file just scanned (a listing on B then found nothing).
      // Both sides' own counts agreeing, and each holding what it knows of, is the pair at rest.
      await waitFor(ib, 'both sides holding the same files', async () => {
        const [sa, sb] = await Promise.all([folderStatus(ia), folderStatus(ib)])
        const settled = (status: FolderStatus) =>
          status.state === 'idle' && status.needFiles === 0 && status.localFiles === status.globalFiles && status.localBytes === status.globalBytes
        return settled(sa) && settled(sb) && holdings(sa) === holdings(sb)
      })
    },
    async pause() {
      await ia.api('POST', `/rest/system/pause?device=${ib.deviceId}`)
      await waitFor(ia, 'link paused', async () => !(await connection(ia, ib)).connected)
    },
    async resume() {
      await ia.api('POST', `/rest/system/resume?device=${ib.deviceId}`)
      await Promise.all([connected(ia, ib), connected(ib, ia)])
    },
    stop,
  }
}

async function prepare(base: string, name: 'A' | 'B'): Promise<Omit<Instance, 'process' | 'exited' | 'api' | 'log'>> {
  const home = join(base, `${name}-home`)
  const dir = join(base, `${name}-library`)
  await mkdir(dir, { recursive: true })
  const generated = await run([BINARY, 'generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'])
  const deviceId = /Device ID: ([A-Z0-9-]{63})/.exec(generated)?.[1]
  if (!deviceId) throw new Error(`syncthing generate printed no device id:\n${generated}`)
  return { name, home, dir, deviceId, apiKey: randomBytes(16).toString('hex'), guiPort: await freePort(), listenPort: await freePort() }
}

/**
 * config.xml written whole before the first start (the generated one has discovery, relays and the
 * default ports on). Folder fields left out become zero, not their defaults: maxConflicts 0 would
 * silently drop the losing edit of a conflict, so it and the other two are spelled out.
 */
async function writeConfig(self: Omit<Instance, 'process' | 'exited' | 'api' | 'log'>, peer: { name: string; deviceId: string; listenPort: number }): Promise<void> {
  const xml = `<configuration version="36">
    <device id="${self.deviceId}" name="${self.name}"><address>dynamic</address></device>
    <device id="${peer.deviceId}" name="${peer.name}"><address>tcp://127.0.0.1:${peer.listenPort}</address></device>
    <folder id="${FOLDER_ID}" label="${FOLDER_ID}" path="${escapeXml(self.dir)}" type="sendreceive"
            rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="1" autoNormalize="true">
        <device id="${self.deviceId}"></device>
        <device id="${peer.deviceId}"></device>
        <minDiskFree unit="%">1</minDiskFree>
        <maxConflicts>10</maxConflicts>
    </folder>
    <gui enabled="true" tls="false"><address>127.0.0.1:${self.guiPort}</address><apikey>${self.apiKey}</apikey></gui>
    <options>
        <listenAddress>tcp://127.0.0.1:${self.listenPort}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <reconnectionIntervalS>5</reconnectionIntervalS>
    </options>
</configuration>
`
  await writeFile(join(self.home, 'config.xml'), xml)
}

/** `STMONITORED` makes `serve` the instance itself, not a monitor with a child in its own process group: one pid to stop. */
function launch(base: string, peer: Omit<Instance, 'process' | 'exited' | 'api' | 'log'>): Pick<Instance, 'process' | 'exited' | 'api' | 'log'> {
  const logPath = join(base, `${peer.name}.log`)
  const logStream = createWriteStream(logPath)
  const child = spawn(BINARY, ['serve', `--home=${peer.home}`, '--no-browser', '--no-restart', '--no-upgrade'], {
    env: { ...process.env, STMONITORED: 'yes', STNODEFAULTFOLDER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.pipe(logStream)
  child.stderr.pipe(logStream)
  const exited = new Promise<void>((done) => {
    child.on('error', (error) => {
      logStream.write(`\n${error.message}: Syncthing did not start (run \`node scripts/syncthing.mjs\`, which installs it, or set VERDICT_SYNCTHING)\n`)
      done()
    })
    child.on('exit', () => done())
  })
  const root = `http://127.0.0.1:${peer.guiPort}`
  return {
    process: child,
    exited,
    log: () => readFile(logPath, 'utf8').catch(() => ''),
    async api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(root + path, {
        method,
        headers: { 'X-API-Key': peer.apiKey, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await response.text()
      if (!response.ok) throw new Error(`Syncthing ${peer.name}: ${method} ${path} → ${response.status} ${text.slice(0, 300)}`)
      return (text ? JSON.parse(text) : undefined) as T
    },
  }
}

interface FolderStatus {
  state: string
  needFiles: number
  globalFiles: number
  globalDirectories: number
  globalDeleted: number
  globalBytes: number
  localFiles: number
  localDirectories: number
  localBytes: number
}

/** What a peer holds and knows of the folder: equal on both sides, and each side holding all it knows, once the pair agrees. */
const holdings = (status: FolderStatus) =>
  [status.globalFiles, status.globalDirectories, status.globalDeleted, status.globalBytes, status.localFiles, status.localDirectories, status.localBytes].join()

function folderStatus(peer: Peer): Promise<FolderStatus> {
  return peer.api<FolderStatus>('GET', `/rest/db/status?folder=${FOLDER_ID}`)
}

async function connection(self: Peer, other: Peer): Promise<{ connected: boolean }> {
  const { connections } = await self.api<{ connections: Record<string, { connected: boolean }> }>('GET', '/rest/system/connections')
  return connections[other.deviceId] ?? { connected: false }
}

function connected(self: Peer, other: Peer): Promise<void> {
  return waitFor(self, `connected to ${other.name}`, async () => (await connection(self, other)).connected)
}

/** `other` has everything `self` has (by `self`'s account), and `other`'s folder has nothing left to pull. */
async function complete(self: Peer, other: Peer): Promise<void> {
  await waitFor(self, `${other.name} in sync`, async () => {
    const done = await self.api<{ completion: number; needItems: number; needDeletes: number }>('GET', `/rest/db/completion?folder=${FOLDER_ID}&device=${other.deviceId}`)
    return done.completion === 100 && done.needItems === 0 && done.needDeletes === 0
  })
  await waitFor(other, 'folder idle', async () => {
    const status = await folderStatus(other)
    return status.state === 'idle' && status.needFiles === 0
  })
}

/** Polls `condition` until true; on timeout the error carries the instance's log tail. */
async function waitFor(peer: Peer, what: string, condition: () => Promise<boolean>): Promise<void> {
  try {
    await vi.waitFor(async () => {
      if (!(await condition())) throw new Error(`not yet: ${what}`)
    }, WAIT)
  } catch (error) {
    const log = (await peer.log()).split('\n').slice(-30).join('\n')
    throw new Error(`Syncthing ${peer.name}: ${what} did not happen (${(error as Error).message})\n--- log ---\n${log}`)
  }
}

async function shutdown(peer: Instance): Promise<void> {
  if (peer.process.exitCode !== null || peer.process.signalCode !== null) return
  peer.process.kill('SIGTERM')
  // Syncthing exits ~1 s after SIGTERM; one that hangs is killed so its ports do not outlive the test.
  const timer = setTimeout(() => peer.process.kill('SIGKILL'), slow(10_000))
  await peer.exited
  clearTimeout(timer)
}

function run(command: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = command
    const child = spawn(file!, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    child.on('error', (error) =>
      reject(new Error(`${error.message}: no Syncthing to run (run \`node scripts/syncthing.mjs\`, which installs Debian's syncthing, or set VERDICT_SYNCTHING)`)),
    )
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command.join(' ')} exited with ${code}:\n${out}`))))
  })
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
