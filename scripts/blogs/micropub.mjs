// The Micropub test site (scripts/blogs/micropub/server.mjs) on 127.0.0.1: start, stop, restart.
// Nothing to install beyond the npm devDependency; a start takes about a second.
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { BLOGS_DIR, clearState, freePort, readState, serverCli, startDetached, stopGroup, waitHealthy, writeState } from './lib.mjs'

const NAME = 'micropub'
const STORE = join(BLOGS_DIR, 'micropub-site')

/** The running site, if its state is there and it answers with the token it was started with. */
async function running() {
  let state
  try {
    state = readState(NAME)
  } catch {
    return undefined
  }
  try {
    const response = await fetch(`${state.url}token`, { headers: { authorization: `Bearer ${state.secret}` }, signal: AbortSignal.timeout(2000) })
    await response.arrayBuffer()
    return response.ok ? state : undefined
  } catch {
    return undefined
  }
}

async function start() {
  const started = Date.now()
  const state = await running()
  if (state) {
    console.log(`micropub: already running at ${state.url} (checked in ${Date.now() - started} ms)`)
    return
  }
  // A stale group or state from an earlier run: end it and start from an empty site.
  await stop()
  rmSync(STORE, { recursive: true, force: true })
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  const secret = randomBytes(24).toString('hex')
  startDetached(NAME, process.execPath, [join(import.meta.dirname, 'micropub', 'server.mjs')], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { PORT: String(port), MICROPUB_TOKEN: secret, MICROPUB_STORE: STORE },
  })
  await waitHealthy(NAME, url, { timeoutMs: 30_000, accept: (status) => status === 200 })
  writeState(NAME, { kind: 'micropub', url, secret })
  console.log(`micropub: started at ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

async function stop() {
  await stopGroup(NAME)
  clearState(NAME)
}

await serverCli(NAME, { start, stop })
