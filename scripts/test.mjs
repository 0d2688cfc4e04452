// `npm test`: typecheck, lint, unit, end-to-end and publish suites, then one summary line for CI.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, existsSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { ensureChromium } from './chromium.mjs'
import { runPublishTests, startBlogs } from './test-publish.mjs'

const began = Date.now()
// Waits in the suites are bounded by timeouts scaled by VERDICT_SLOW (tests/support/slow.ts); on a
// machine already busy when the run starts, stretch them by how oversubscribed its cores are.
const busy = loadavg()[0] / availableParallelism()
process.env.VERDICT_SLOW ??= String(Math.min(4, Math.max(1, Math.ceil(busy))))
console.log(`load ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: timeouts ×${process.env.VERDICT_SLOW} (VERDICT_SLOW)`)

const reports = 'test-results/reports'
mkdirSync(reports, { recursive: true })
let passed = 0
let failed = 0
let skipped = 0

/** Each step's wall time, printed at the end: where a slow run spent it. */
const steps = []

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  steps.push(`${label} ${Math.round((Date.now() - started) / 1000)} s`)
  return result.status === 0
}

/** A step without its own test count (typecheck, lint, build) counts as one check. */
function check(label, command, args) {
  if (run(label, command, args)) passed++
  else {
    failed++
    console.log(`✗ ${label} failed`)
  }
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined
}

// The real blogs install and boot in the background meanwhile (their output goes to log files).
const blogs = startBlogs({ quiet: true })

check('typecheck', 'npm', ['run', '--silent', 'typecheck'])
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.'])
check('security gate (electronegativity)', 'npm', ['run', '--silent', 'security'])

const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`])
const unit = readJson(`${reports}/unit.json`)
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + unit.numTodoTests
  if (!unitOk && unit.numFailedTests === 0) failed++ // a suite that failed to load
} else failed++

check('build', 'npx', ['electron-vite', 'build'])
const chromium = ensureChromium()
const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  PW_CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json`,
})
const e2e = readJson(`${reports}/e2e.json`)
if (e2e) {
  passed += e2e.stats.expected
  failed += e2e.stats.unexpected + e2e.stats.flaky
  skipped += e2e.stats.skipped
  if (!e2eOk && e2e.stats.unexpected === 0) failed++
} else failed++

// Against real WordPress, Ghost and Micropub servers on loopback (npm run test:publish alone).
const publishStarted = Date.now()
const publish = await runPublishTests({ reports, starting: blogs })
steps.push(`publish ${Math.round((Date.now() - publishStarted) / 1000)} s`)
passed += publish.passed
failed += publish.failed
skipped += publish.skipped

const minutes = (Date.now() - began) / 60_000
console.log(`\nsteps: ${steps.join(', ')}`)
console.log(`npm test took ${Math.floor(minutes)} min ${Math.round((minutes % 1) * 60)} s (load average at the end ${loadavg()[0].toFixed(1)})`)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed === 0 ? 0 : 1)
