// `npm test`: typecheck, lint, unit, end-to-end and publish suites, then one summary line for CI.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, existsSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
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

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit' })
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

// The real blogs install and boot in the background meanwhile (their output goes to log files),
// and so do the Chromium every browser test drives (scripts/chromium.mjs: found, or installed) and
// the Syncthing the sync tests run (scripts/syncthing.mjs, the same way).
const blogs = startBlogs({ quiet: true })
const chromium = findTool('scripts/chromium.mjs')
const syncthing = findTool('scripts/syncthing.mjs')

/** Runs a finder script; its path on stdout, or null when it failed (its message went to stderr). */
function findTool(script) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('close', (code) => resolve(code === 0 ? out.trim() : null))
  })
}

/**
 * The static checks, each single-threaded, `cores` at a time: one after another they left a core idle
 * for most of a minute. Each one's output is printed whole when it ends, so outputs do not interleave.
 */
async function staticChecks(checks, cores = availableParallelism()) {
  const started = Date.now()
  const queue = [...checks]
  const ok = new Map()
  async function lane() {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [label, command, args] = next
      const begun = Date.now()
      // stdin as before: the security gate's report comes out malformed when stdin is /dev/null.
      const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'pipe'] })
      const output = []
      child.stdout.on('data', (chunk) => output.push(chunk))
      child.stderr.on('data', (chunk) => output.push(chunk))
      const code = await new Promise((done) => {
        child.on('error', (error) => {
          output.push(Buffer.from(`${error.message}\n`))
          done(null)
        })
        child.on('close', done)
      })
      console.log(`\n▶ ${label}: ${command} ${args.join(' ')} (${Math.round((Date.now() - begun) / 1000)} s)`)
      process.stdout.write(Buffer.concat(output))
      ok.set(label, code === 0)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(cores, checks.length)) }, lane))
  steps.push(`static checks ${Math.round((Date.now() - started) / 1000)} s`)
  return ok
}

// Typecheck is three tsc projects; the longest checks start first, so the lanes end together.
const statics = await staticChecks([
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['typecheck (web)', 'npm', ['run', '--silent', 'typecheck:web']],
  ['typecheck (node)', 'npm', ['run', '--silent', 'typecheck:node']],
  ['typecheck (e2e)', 'npm', ['run', '--silent', 'typecheck:e2e']],
  ['security gate (electronegativity)', 'npm', ['run', '--silent', 'security']],
])
// Counted as before: typecheck, lint and the security gate one check each.
for (const [label, labels] of [
  ['typecheck', ['typecheck (web)', 'typecheck (node)', 'typecheck (e2e)']],
  ['lint', ['lint']],
  ['security gate (electronegativity)', ['security gate (electronegativity)']],
]) {
  if (labels.every((one) => statics.get(one))) passed++
  else {
    failed++
    console.log(`✗ ${label} failed`)
  }
}

// Unit, end-to-end and publish suites all drive this one Chromium.
const chromiumPath = await chromium
if (chromiumPath) {
  process.env.PW_CHROMIUM_PATH = chromiumPath
  console.log(`\nChromium: ${chromiumPath}`)
} else {
  failed++
  console.log('✗ no Chromium: the browser tests cannot run (see the message above)')
}

// The sync tests (tests/sync, in the unit run) start two of it.
const syncthingPath = await syncthing
if (syncthingPath) process.env.VERDICT_SYNCTHING = syncthingPath
else console.log('✗ no Syncthing: the sync tests will fail (see the message above)')

const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`])
const unit = readJson(`${reports}/unit.json`)
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + unit.numTodoTests
  if (!unitOk && unit.numFailedTests === 0) failed++ // a suite that failed to load
} else failed++

check('build', 'npx', ['electron-vite', 'build'])

// The publish suite runs beside the end-to-end suite: it mostly waits on the blogs' answers, and
// after it a core stood half idle for its whole minute. Its output goes to a log, printed whole
// once the end-to-end output is done, so the two do not interleave.
const publishLog = `${reports}/publish.log`
const publishStarted = Date.now()
const publishing = runPublishTests({ reports, starting: blogs, log: publishLog }).then((counts) => {
  steps.push(`publish ${Math.round((Date.now() - publishStarted) / 1000)} s (beside end-to-end)`)
  return counts
})

console.log('\n▶ end-to-end tests: npx playwright test --reporter=list,json')
const e2eStarted = Date.now()
const e2eOk = await new Promise((resolve) => {
  const child = spawn('npx', ['playwright', 'test', '--reporter=list,json'], {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
  })
  child.on('error', () => resolve(false))
  child.on('close', (code) => resolve(code === 0))
})
steps.push(`end-to-end tests ${Math.round((Date.now() - e2eStarted) / 1000)} s`)
const e2e = readJson(`${reports}/e2e.json`)
if (e2e) {
  passed += e2e.stats.expected
  failed += e2e.stats.unexpected + e2e.stats.flaky
  skipped += e2e.stats.skipped
  if (!e2eOk && e2e.stats.unexpected === 0) failed++
} else failed++

// Against real WordPress, Ghost and Micropub servers on loopback (npm run test:publish alone).
const publish = await publishing
console.log(`\n▶ publish tests (real blogs; ran beside the end-to-end tests):\n${readFileSync(publishLog, 'utf8')}`)
passed += publish.passed
failed += publish.failed
skipped += publish.skipped

const minutes = (Date.now() - began) / 60_000
console.log(`\nsteps: ${steps.join(', ')}`)
console.log(`npm test took ${Math.floor(minutes)} min ${Math.round((minutes % 1) * 60)} s (load average at the end ${loadavg()[0].toFixed(1)})`)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed === 0 ? 0 : 1)
