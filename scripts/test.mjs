// `npm test`: typecheck, lint, unit, end-to-end and publish suites, then one summary line for CI.
import { spawn } from 'node:child_process'
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

/** Runs a step in front, its output shown as it comes (asynchronously: a check may run beside it). */
async function run(label, command, args, env = process.env) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const code = await new Promise((done) => {
    const child = spawn(command, args, { stdio: 'inherit', env })
    child.on('error', () => done(null))
    child.on('close', done)
  })
  steps.push(`${label} ${Math.round((Date.now() - started) / 1000)} s`)
  return code === 0
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
 * Runs a step beside others: its output is held and printed whole when it ends, so outputs do not
 * interleave. Resolves whether it passed.
 */
async function quietly(label, command, args) {
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
  const seconds = Math.round((Date.now() - begun) / 1000)
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')} (${seconds} s)`)
  process.stdout.write(Buffer.concat(output))
  steps.push(`${label} ${seconds} s`)
  return code === 0
}

/** A step without its own test count (typecheck, lint, security gate, build) counts as one check. */
function count(label, ok) {
  if (ok) passed++
  else {
    failed++
    console.log(`✗ ${label} failed`)
  }
}

// Two lanes for two cores. One checks the three TypeScript projects (node, web, e2e) in one `tsc -b`:
// one process parses the sources and type libraries they share once (three processes took 92 s of
// CPU, one takes 70 s); --force, so it checks everything whatever an earlier build's info says. The
// other lints, runs the security gate and builds the app for the end-to-end suite, about 20 s of
// CPU less; the unit tests start when it is done (and Chromium and Syncthing are found), beside the
// rest of the typecheck, so neither core waits for the longer lane.
const typecheck = quietly('typecheck', 'npx', ['tsc', '-b', '--force', 'tsconfig.json'])
const lint = await quietly('lint', 'npx', ['eslint', '--max-warnings', '0', '.'])
const security = await quietly('security gate (electronegativity)', 'npm', ['run', '--silent', 'security'])
const build = await quietly('build', 'npx', ['electron-vite', 'build'])

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

const unitOk = await run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`])
const unit = readJson(`${reports}/unit.json`)
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + unit.numTodoTests
  if (!unitOk && unit.numFailedTests === 0) failed++ // a suite that failed to load
} else failed++

// Counted as before: typecheck, lint, the security gate and the build one check each.
count('typecheck', await typecheck)
count('lint', lint)
count('security gate (electronegativity)', security)
count('build', build)

// The publish suite runs beside the end-to-end suite: it mostly waits on the blogs' answers, and
// after it a core stood half idle for its whole minute. Its output goes to a log, printed whole
// once the end-to-end output is done, so the two do not interleave.
const publishLog = `${reports}/publish.log`
const publishStarted = Date.now()
const publishing = runPublishTests({ reports, starting: blogs, log: publishLog }).then((counts) => {
  steps.push(`publish ${Math.round((Date.now() - publishStarted) / 1000)} s (beside end-to-end)`)
  return counts
})

const e2eOk = await run('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` })
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
