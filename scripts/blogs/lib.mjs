// Shared by the real-blog server scripts: start detached in its own process group, wait until
// healthy, record how to reach it, and stop it by that group (never by process name).
import { spawn } from 'node:child_process'
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'

/** Where the running servers' state (address, credentials, process group, log) lives. */
export const BLOGS_DIR = process.env.VERDICT_BLOGS_DIR ?? join(tmpdir(), 'verdict-blogs')
/** Installs kept between runs, outside the repository. */
export const CACHE_DIR = process.env.VERDICT_BLOGS_CACHE ?? join(homedir(), '.cache', 'verdict-test-blogs')

mkdirSync(BLOGS_DIR, { recursive: true })
mkdirSync(CACHE_DIR, { recursive: true })

export function logPath(name) {
  return join(BLOGS_DIR, `${name}.log`)
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts `command` in a new session, output appended to `<name>.log`; the group id is written to
 * `<name>.pgid` so `stopGroup` can end it and every worker it forked. `detached` is setsid() in the
 * child itself: running the `setsid` program instead would fork (a group leader cannot call
 * setsid), leaving the recorded id pointing at a process that has already exited.
 */
export function startDetached(name, command, args, { cwd, env } = {}) {
  const log = openSync(logPath(name), 'a')
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', log, log],
  })
  child.unref()
  writeFileSync(join(BLOGS_DIR, `${name}.pgid`), String(child.pid))
  return child.pid
}

/** Ends the process group started under `name` and waits until it is gone (SIGKILL after 10 s). */
export async function stopGroup(name) {
  const file = join(BLOGS_DIR, `${name}.pgid`)
  if (!existsSync(file)) return
  const pgid = Number(readFileSync(file, 'utf8'))
  const signal = (sig) => {
    try {
      process.kill(-pgid, sig)
      return true
    } catch {
      return false
    }
  }
  if (signal('SIGTERM')) {
    const deadline = Date.now() + 10_000
    while (signal(0) && Date.now() < deadline) await sleep(100)
    if (signal(0)) signal('SIGKILL')
    while (signal(0)) await sleep(50)
  }
  rmSync(file, { force: true })
}

/** Polls `url` until `accept(status)` holds; throws with the log's tail after `timeoutMs`. */
export async function waitHealthy(name, url, { timeoutMs = 120_000, accept = (status) => status < 500, init } = {}) {
  const deadline = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) })
      await response.arrayBuffer()
      if (accept(response.status)) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = error.cause?.code ?? error.message
    }
    await sleep(300)
  }
  const tail = existsSync(logPath(name)) ? readFileSync(logPath(name), 'utf8').split('\n').slice(-30).join('\n') : ''
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000} s (last: ${last})\n${tail}`)
}

/** What the tests need to reach a started server: `{ kind, url, username?, secret, ... }`. */
export function writeState(name, state) {
  writeFileSync(join(BLOGS_DIR, `${name}.json`), JSON.stringify(state, null, 2))
}

export function readState(name) {
  const file = join(BLOGS_DIR, `${name}.json`)
  if (!existsSync(file)) throw new Error(`The ${name} test server is not running: start it with \`node scripts/blogs/${name}.mjs start\` (npm run test:publish does).`)
  return JSON.parse(readFileSync(file, 'utf8'))
}

export function clearState(name) {
  rmSync(join(BLOGS_DIR, `${name}.json`), { force: true })
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** `node scripts/blogs/<name>.mjs start|stop|restart`: the CLI every server script shares. */
export async function serverCli(name, { start, stop }) {
  const command = process.argv[2]
  try {
    if (command === 'start') await start()
    else if (command === 'stop') await stop()
    else if (command === 'restart') {
      await stop()
      await start()
    } else {
      console.error(`usage: node scripts/blogs/${name}.mjs start|stop|restart`)
      process.exit(2)
    }
  } catch (error) {
    console.error(`${name}: ${error.stack ?? error}`)
    process.exit(1)
  }
}
