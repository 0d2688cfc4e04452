// `npm run test:publish`: starts the real blogs on loopback side by side, runs tests/publish
// against them (vitest, then the app's UI in Playwright), stops them by process group, and prints
// one summary line.
import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
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

/**
 * Runs a step of the suite without blocking this process (`npm test` runs the end-to-end suite
 * meanwhile); `output` is a file descriptor for its output, or 'inherit'. Resolves to its exit code.
 */
function step(command, args, output, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', output, output], env })
    child.on('error', () => resolve(null))
    child.on('close', resolve)
  })
}

/** A line of the suite's own, where its steps' output goes. */
function say(output, line) {
  if (output === 'inherit') console.log(line)
  else writeSync(output, `${line}\n`)
}

/**
 * Runs the suite against started blogs (started now if not given); returns `{ passed, failed, skipped }`.
 * With `log`, its output goes to that file instead of the terminal.
 */
export async function runPublishTests({ reports = 'test-results/reports', starting = startBlogs(), log } = {}) {
  mkdirSync(reports, { recursive: true })
  const output = log ? openSync(log, 'w') : 'inherit'
  const started = await starting
  let counts = { passed: 0, failed: 0, skipped: 0 }
  try {
    const json = `${reports}/publish.json`
    const status = await step('npx', ['vitest', 'run', '-c', 'vitest.publish.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], output)
    const report = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined
    if (report) {
      counts = { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests }
      if (status !== 0 && report.numFailedTests === 0) counts.failed++
    } else counts.failed++
    const ui = await runUiTests(reports, output)
    counts = { passed: counts.passed + ui.passed, failed: counts.failed + ui.failed, skipped: counts.skipped + ui.skipped }
  } finally {
    await Promise.all(BLOG_SERVERS.map((name) => runScript(name, 'stop')))
    if (typeof output === 'number') closeSync(output)
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
async function runUiTests(reports, output) {
  const json = `${reports}/publish-ui.json`
  rmSync(json, { force: true })
  let chromium
  try {
    if (!existsSync('out/renderer/index.html')) {
      say(output, '\n▶ building the renderer for the publish UI tests: npx electron-vite build')
      if ((await step('npx', ['electron-vite', 'build'], output)) !== 0) throw new Error('The build failed.')
    }
    chromium = ensureChromium()
  } catch (error) {
    say(output, `✗ publish UI tests not run: ${error.message}`)
    return { passed: 0, failed: 1, skipped: 0 }
  }
  say(output, '\n▶ publish UI tests: npx playwright test -c playwright.publish.config.ts')
  const status = await step('npx', ['playwright', 'test', '-c', 'playwright.publish.config.ts', '--reporter=list,json'], output, {
    ...process.env,
    PW_CHROMIUM_PATH: chromium,
    PLAYWRIGHT_JSON_OUTPUT_NAME: json,
  })
  const report = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined
  if (!report) return { passed: 0, failed: 1, skipped: 0 }
  const { expected, unexpected, flaky, skipped } = report.stats
  return { passed: expected, failed: unexpected + flaky + (status !== 0 && unexpected === 0 ? 1 : 0), skipped }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed, skipped } = await runPublishTests()
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`)
  process.exit(failed === 0 ? 0 : 1)
}
