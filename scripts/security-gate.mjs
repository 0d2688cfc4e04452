// `npm run security`: runs Electronegativity over src/ and fails on any finding that
// security/allowlist.json does not list with a reason. Electronegativity itself always exits 0,
// so this reads its report and decides: the SARIF one, written in one piece (its CSV report is a
// header and the rows written by two racing writes, and on a busy machine came out cut or empty). It runs offline: the tool's own network look-ups
// (translations, the list of Electron releases for its "available security fixes" check) are
// refused at once instead of waiting for a network this project's machines do not have.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const SCANNED = 'src'
const ALLOWLIST = join(ROOT, 'security', 'allowlist.json')
const require = createRequire(import.meta.url)

/** Loaded before the tool: its HTTP client answers every request with an immediate failure. */
const OFFLINE = `
import Module from 'node:module';
const load = Module._load;
const refuse = () => Promise.reject(Object.assign(new Error('offline'), { code: 'EOFFLINE' }));
const got = Object.assign(refuse, { head: refuse, get: refuse, stream: refuse });
Module._load = function (request, ...rest) { return request === 'got' ? got : load.call(this, request, ...rest); };
`

function fail(message) {
  console.error(`✗ security gate: ${message}`)
  process.exit(1)
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
/**
 * The findings of a SARIF report, each with its code line as Electronegativity's CSV gave it (the
 * trimmed source line, which allowlist samples are matched against): SARIF carries the line number.
 */
export function readSarif(text, sourceOf) {
  let report
  try {
    report = JSON.parse(text)
  } catch (error) {
    fail(`the report is not complete JSON (${error.message})`)
  }
  const results = report?.runs?.[0]?.results
  if (!Array.isArray(results)) fail('the report holds no results list')
  return results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation
    const file = String(location?.artifactLocation?.uri ?? '').split('\\').join('/')
    const line = Number(location?.region?.startLine ?? 1)
    const column = Number(location?.region?.startColumn ?? 1) - 1
    return {
      check: String(result.ruleId),
      level: String(result.level),
      file,
      location: `${line}:${column}`,
      sample: (sourceOf(file)?.split('\n')[line - 1] ?? '').trim(),
    }
  })
}

function readAllowlist() {
  let parsed
  try {
    parsed = JSON.parse(readFileSync(ALLOWLIST, 'utf8'))
  } catch (error) {
    fail(`cannot read ${relative(ROOT, ALLOWLIST)}: ${error.message}`)
  }
  const entries = parsed?.allow
  if (!Array.isArray(entries)) fail(`${relative(ROOT, ALLOWLIST)} must hold { "allow": [ … ] }`)
  entries.forEach((entry, index) => {
    const where = `${relative(ROOT, ALLOWLIST)} entry ${index + 1}`
    if (typeof entry?.check !== 'string' || !entry.check) fail(`${where} has no "check"`)
    if (typeof entry.file !== 'string' || !entry.file) fail(`${where} has no "file"`)
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) fail(`${where} (${entry.check}) needs a "reason" that explains why it is safe`)
    if (entry.sample !== undefined && typeof entry.sample !== 'string') fail(`${where} has a "sample" that is not text`)
  })
  return entries
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version
  } catch {
    fail('cannot read the installed Electron version (node_modules/electron); run npm install')
  }
}

function runElectronegativity(reportPath) {
  let bin
  try {
    const pkgPath = require.resolve('@doyensec/electronegativity/package.json')
    bin = join(dirname(pkgPath), JSON.parse(readFileSync(pkgPath, 'utf8')).bin.electronegativity)
  } catch {
    fail('@doyensec/electronegativity is not installed (it is a devDependency: run npm install)')
  }
  const args = [
    '--import',
    `data:text/javascript,${encodeURIComponent(OFFLINE)}`,
    bin,
    '--input', join(ROOT, SCANNED),
    '--output', reportPath,
    '--relative',
    '--electron-version', electronVersion(),
    '--verbose', 'false',
  ]
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } })
  if (result.error) fail(`could not run Electronegativity: ${result.error.message}`)
  if (result.status !== 0) fail(`Electronegativity exited with ${result.status}:\n${result.stderr || result.stdout}`)
  if (!existsSync(reportPath)) fail(`Electronegativity wrote no report:\n${result.stderr || result.stdout}`)
}

function main() {
  const allow = readAllowlist()
  const dir = mkdtempSync(join(tmpdir(), 'verdict-security-'))
  const reportPath = join(dir, 'electronegativity.sarif')
  try {
    runElectronegativity(reportPath)
    const source = (file) => {
      try {
        return readFileSync(join(ROOT, SCANNED, file), 'utf8')
      } catch {
        return undefined
      }
    }
    const findings = readSarif(readFileSync(reportPath, 'utf8'), source)
    const used = new Set()
    const blocking = []
    for (const finding of findings) {
      const index = allow.findIndex(
        (entry) => entry.check === finding.check && entry.file === finding.file && (entry.sample === undefined || finding.sample.includes(entry.sample)),
      )
      if (index >= 0) used.add(index)
      else blocking.push(finding)
    }
    console.log(`Electronegativity over ${SCANNED}/: ${findings.length} findings, ${findings.length - blocking.length} allowed by ${relative(ROOT, ALLOWLIST)}, ${blocking.length} blocking.`)
    for (const finding of findings.filter((f) => !blocking.includes(f))) {
      console.log(`  allowed  ${finding.check} ${finding.file}:${finding.location}`)
    }
    allow.forEach((entry, index) => {
      if (!used.has(index)) console.log(`  note     allowlist entry ${entry.check} ${entry.file} matched nothing: remove it if the code it covered is gone`)
    })
    for (const finding of blocking) {
      console.log(`  BLOCKING ${finding.check} (${finding.level}) ${finding.file}:${finding.location}\n           ${finding.sample.slice(0, 160)}`)
    }
    if (blocking.length) {
      console.log('Fix the code, or add an entry with a reason to security/allowlist.json if it is safe.')
      process.exit(1)
    }
    console.log('✓ security gate passed')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
