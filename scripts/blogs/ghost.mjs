// A real Ghost 5 (SQLite) on 127.0.0.1 for the publish tests: `node scripts/blogs/ghost.mjs start|stop|restart`.
// The install lives in CACHE_DIR (about 2.5 min to build once, then reused); every start gets a fresh
// content folder and database, an owner, a second staff user (an Author), and an integration whose
// Admin API key the tests use.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BLOGS_DIR, CACHE_DIR, clearState, freePort, serverCli, startDetached, stopGroup, waitHealthy, writeState } from './lib.mjs'
import { aptGet } from '../debianPackage.mjs'

const NAME = 'ghost'
// Ghost 6 needs Node 22; 5.130.4 is the last line that runs on the Node 20 we have.
const VERSION = '5.130.4'
const INSTALL_DIR = join(CACHE_DIR, `ghost-${VERSION}`)
// Written last, so a half-finished install is never taken for a complete one.
const INSTALLED_MARKER = join(INSTALL_DIR, '.verdict-installed')
const CONTENT_DIR = join(BLOGS_DIR, 'ghost-content')
const OWNER = { name: 'Verdict Tests', email: 'owner@verdict.test', password: 'Verdict-tests-owner-7391', blogTitle: 'Verdict Ghost' }
/** A staff user besides the owner, whom a review by her is matched with (the owner invites her). */
const STAFF = { name: 'Noor Castellanos', email: 'noor@verdict.test', password: 'Verdict-tests-staff-5820' }
/** Ghost's mail goes to files here (ghost/sendmail.mjs), never off the machine: the invitation is read from it. */
const MAILBOX = join(BLOGS_DIR, 'ghost-mail')
const SENDMAIL = join(import.meta.dirname, 'ghost', 'sendmail.mjs')

const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
const say = (message) => console.log(`ghost: ${message} (${elapsed()})`)

function run(command, args, cwd) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] })
}

/** sqlite3 is compiled from source (node-gyp); sharp 0.34 brings its libvips as an npm package. */
function ensureBuildTools() {
  const missing = ['make', 'g++', 'python3'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
  if (missing.length === 0) return
  say(`installing ${missing.join(', ')}`)
  aptGet(['update'])
  aptGet(['install', '-y', '--no-install-recommends', ...missing])
}

/**
 * `npm install ghost` cannot work (it depends on a tarball inside itself), so the package is unpacked
 * as its own project: yarn `resolutions` become npm `overrides`, dev dependencies go, and the native
 * modules are compiled here because their prebuilt binaries are fetched from GitHub.
 */
function install() {
  ensureBuildTools()
  // Two runs installing at once each build their own copy; the first to finish is kept.
  const staging = `${INSTALL_DIR}.partial-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(staging, { recursive: true })
  say(`installing ghost@${VERSION} into the cache (first run only)`)
  const tarball = execFileSync('npm', ['pack', `ghost@${VERSION}`, '--silent'], { cwd: staging, encoding: 'utf8' }).trim().split('\n').pop()
  run('tar', ['xzf', tarball, '--strip-components=1'], staging)
  rmSync(join(staging, tarball))
  const manifestPath = join(staging, 'package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  manifest.overrides = { ...manifest.resolutions, '@tryghost/i18n': '$@tryghost/i18n' }
  delete manifest.resolutions
  delete manifest.devDependencies
  delete manifest.scripts
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2))
  run('npm', ['install', '--omit=dev', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], staging)
  say('compiling sqlite3 and sharp')
  run('npm', ['rebuild', 'sqlite3', 'sharp', '--loglevel=error'], staging)
  writeFileSync(join(staging, '.verdict-installed'), `${new Date().toISOString()}\n`)
  if (existsSync(INSTALLED_MARKER)) {
    rmSync(staging, { recursive: true, force: true })
    say('another run cached the install meanwhile; using that one')
    return
  }
  rmSync(INSTALL_DIR, { recursive: true, force: true })
  renameSync(staging, INSTALL_DIR)
  say('install cached')
}

/** Sends JSON to the admin API; reads the whole body before returning (see `signIn`). */
async function admin(url, path, { method = 'POST', body, cookie } = {}) {
  const response = await fetch(`${url}/ghost/api/admin${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: url, 'accept-version': 'v5.0', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`)
  // /session/ answers with the plain text “Created”.
  const json = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}
  return { response, json }
}

/** Owner, session, staff, integration: returns the integration's Admin API key (`id:secret`). */
async function createAdminKey(url) {
  await admin(url, '/authentication/setup/', { body: { setup: [OWNER] } })
  // Ghost saves the session row after sending the headers; the body having arrived (admin() reads
  // it) is what makes the cookie valid for the next request.
  const { response } = await admin(url, '/session/', { body: { username: OWNER.email, password: OWNER.password } })
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  if (!cookie) throw new Error('Ghost set no session cookie after sign-in')
  await addStaff(url, cookie)
  const { json } = await admin(url, '/integrations/?include=api_keys', { body: { integrations: [{ name: 'Verdict publish tests' }] }, cookie })
  const key = json.integrations?.[0]?.api_keys?.find((candidate) => candidate.type === 'admin')
  if (!key?.secret) throw new Error(`Ghost created no admin API key: ${JSON.stringify(json).slice(0, 500)}`)
  // The admin API already hands the key out as `id:secret`.
  return key.secret
}

/** The owner invites STAFF as an Author, and the invitation is accepted with the token its e-mail carries. */
async function addStaff(url, cookie) {
  const { json } = await admin(url, '/roles/?permissions=assign', { method: 'GET', cookie })
  const role = json.roles?.find((candidate) => candidate.name === 'Author')
  if (!role) throw new Error(`Ghost offers no Author role: ${JSON.stringify(json).slice(0, 500)}`)
  await admin(url, '/invites/', { body: { invites: [{ email: STAFF.email, role_id: role.id }] }, cookie })
  // The message's parts are base64: decoded, one of them holds the link `/signup/<token>/`.
  const mail = readdirSync(MAILBOX)
    .map((name) => readFileSync(join(MAILBOX, name), 'utf8'))
    .filter((message) => message.includes(`To: ${STAFF.email}`))
    .flatMap((message) => [...message.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:.+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g)])
    .map(([, body]) => Buffer.from(body ?? '', 'base64').toString('utf8'))
    .join('\n')
  const token = /\/signup\/([A-Za-z0-9_-]+)\//.exec(mail)?.[1]
  if (!token) throw new Error(`The invitation's e-mail has no sign-up link (mailbox ${MAILBOX})`)
  // The link carries the token URL-safe and unpadded; the API takes it as stored (security.url.decodeBase64).
  const stored = token.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(token.length / 4) * 4, '=')
  await admin(url, '/authentication/invitation/', { body: { invitation: [{ token: stored, email: STAFF.email, name: STAFF.name, password: STAFF.password }] } })
}

/** `{ server: { port: 1 } }` → `{ server__port: '1' }`: Ghost's environment form of its settings. */
function ghostEnvironment(settings, prefix = '') {
  return Object.fromEntries(
    Object.entries(settings).flatMap(([name, value]) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(ghostEnvironment(value, `${prefix}${name}__`))
        : [[`${prefix}${name}`, typeof value === 'string' ? value : JSON.stringify(value)]],
    ),
  )
}

async function start() {
  // Idempotent: a server from an earlier start is replaced, so every start has a fresh database.
  await stop()
  if (!existsSync(INSTALLED_MARKER)) install()
  else say('install found in the cache')

  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  rmSync(CONTENT_DIR, { recursive: true, force: true })
  rmSync(MAILBOX, { recursive: true, force: true })
  mkdirSync(MAILBOX, { recursive: true })
  cpSync(join(INSTALL_DIR, 'content'), CONTENT_DIR, { recursive: true })
  const config = {
    url,
    server: { host: '127.0.0.1', port },
    database: { client: 'sqlite3', connection: { filename: join(CONTENT_DIR, 'data', 'ghost.db') }, useNullAsDefault: true },
    paths: { contentPath: CONTENT_DIR },
    privacy: { useUpdateCheck: false, useGravatar: false, useRpcPing: false, useStructuredData: true },
    // Otherwise signing in asks for a code sent by e-mail.
    security: { staffDeviceVerification: false },
    mail: { transport: 'sendmail', options: { path: SENDMAIL } },
    logging: { level: 'info', transports: ['stdout'] },
  }
  // Ghost reads its settings from the environment before any config file (nconf, `__` between
  // levels), so this run's settings never go into the install that other runs share.
  startDetached(NAME, process.execPath, ['index.js'], { cwd: INSTALL_DIR, env: { NODE_ENV: 'production', VERDICT_GHOST_MAILBOX: MAILBOX, ...ghostEnvironment(config) } })
  say(`booting on ${url}`)
  let secret
  try {
    // The first boot of an empty database runs every migration before the API answers.
    await waitHealthy(NAME, `${url}/ghost/api/admin/site/`, { timeoutMs: 180_000, accept: (status) => status === 200 })
    say('healthy, creating the owner, a staff user and an Admin API key')
    secret = await createAdminKey(url)
  } catch (error) {
    // No half-set-up server left behind.
    await stop()
    throw error
  }
  // contentDir: where Ghost stores uploads, so tests can count the images it holds (it has no API to list them).
  writeState(NAME, { kind: 'ghost', url, secret, contentDir: CONTENT_DIR, staff: { name: STAFF.name, email: STAFF.email } })
  say(`ready at ${url}`)
}

async function stop() {
  clearState(NAME)
  await stopGroup(NAME)
}

await serverCli(NAME, { start, stop })
