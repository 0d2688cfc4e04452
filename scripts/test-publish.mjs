// `npm run test:publish`: starts the real blogs on loopback side by side, runs tests/publish
// against them (vitest, then the app's UI in Playwright), stops them by process group, and prints
// one summary line.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureChromium } from './chromium.mjs'

// Each run's blogs (their databases, uploads, configuration, state and logs) live in a folder of
// its own, handed to the blog scripts and the tests through the environment: two runs side by side
// never touch each other's sites. Set VERDICT_BLOGS_DIR to keep using one folder by hand.
const ownFolder = !process.env.VERDICT_BLOGS_DIR
const BLOGS_DIR = (process.env.VERDICT_BLOGS_DIR ??= mkdtempSync(join(tmpdir(), 'verdict-blogs-')))

export const BLOG_SERVERS = ['wordpress', 'ghost', 'micropub']

/** Runs a blog script; `quiet` sends its output to `<blog>.<command>.log` and prints the tail only on failure. */
function runScript(name, command, { quiet = false } = {}) {
  return new Promise((resolve) => {
    const started = Date.now()
    const log = join(BLOGS_DIR, `${name}.${command}.log`)
    const output = quiet ? openSync(log, 'w') : 'inherit'
    const child = spawn(process.execPath, [`scripts/blogs/${name}.mjs`, command], { stdio: ['ignore', output, output] })
    child.on('exit', (code) => {
      console.log(`${name} ${command}: ${code === 0 ? 'ok' : `failed (${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
      if (code !== 0 && quiet) console.log(readFileSync(log, 'utf8').split('\n').slice(-40).join('\n'))
      resolve(code === 0)
    })
  })
}

/**
 * Starts every blog side by side. `npm test` calls it first and awaits it just before the suite,
 * so the blogs' installs and boots overlap the other checks.
 */
export function startBlogs({ quiet = false } = {}) {
  console.log(`\n▶ starting real blogs (${BLOG_SERVERS.join(', ')}); state and logs in ${BLOGS_DIR}`)
  return Promise.all(BLOG_SERVERS.map((name) => runScript(name, 'start', { quiet })))
}

/** Runs the suite against started blogs (started now if not given); returns `{ passed, failed, skipped }`. */
export async function runPublishTests({ reports = 'test-results/reports', starting = startBlogs() } = {}) {
  mkdirSync(reports, { recursive: true })
  const started = await starting
  let counts = { passed: 0, failed: 0, skipped: 0 }
  try {
    const json = `${reports}/publish.json`
    const result = spawnSync('npx', ['vitest', 'run', '-c', 'vitest.publish.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], {
      stdio: 'inherit',
    })
    const report = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined
    if (report) {
      counts = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
      if (result.status !== 0 && report.numFailedTests === 0) counts.failed++
    } else counts.failed++
    const ui = runUiTests(reports)
    counts = { passed: counts.passed + ui.passed, failed: counts.failed + ui.failed, skipped: counts.skipped + ui.skipped }
  } finally {
    await Promise.all(BLOG_SERVERS.map((name) => runScript(name, 'stop')))
  }
  // A server that did not start has already failed its tests; count the start itself too.
  counts.failed += started.filter((ok) => !ok).length
  // The logs stay for a failed run.
  if (ownFolder && counts.failed === 0) rmSync(BLOGS_DIR, { recursive: true, force: true })
  return counts
}

/**
 * The publish dialog driven in Chromium against the same blogs (playwright.publish.config.ts). It
 * serves the built renderer: `npm test` has just built it; alone, it is built when missing.
 */
function runUiTests(reports) {
  const json = `${reports}/publish-ui.json`
  rmSync(json, { force: true })
  let chromium
  try {
    if (!existsSync('out/renderer/index.html')) {
      console.log('\n▶ building the renderer for the publish UI tests: npx electron-vite build')
      if (spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' }).status !== 0) throw new Error('The build failed.')
    }
    chromium = ensureChromium()
  } catch (error) {
    console.log(`✗ publish UI tests not run: ${error.message}`)
    return { passed: 0, failed: 1, skipped: 0 }
  }
  console.log('\n▶ publish UI tests: npx playwright test -c playwright.publish.config.ts')
  const result = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.publish.config.ts', '--reporter=list,json'], {
    stdio: 'inherit',
    env: { ...process.env, PW_CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: json },
  })
  const report = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined
  if (!report) return { passed: 0, failed: 1, skipped: 0 }
  const { expected, unexpected, flaky, skipped } = report.stats
  return { passed: expected, failed: unexpected + flaky + (result.status !== 0 && unexpected === 0 ? 1 : 0), skipped }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed, skipped } = await runPublishTests()
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
  process.exit(failed === 0 ? 0 : 1)
}
