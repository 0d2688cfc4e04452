// Installs a Debian package for the test tools (scripts/chromium.mjs, scripts/syncthing.mjs) when
// we are root on a Debian-like machine: the CI and developer machines of this project.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Every apt-get of the project's scripts takes this lock first: the two finders and the blogs'
 * installs start side by side on a fresh machine, and while `DPkg::Lock::Timeout` makes an install
 * wait for dpkg's lock, `apt-get update` fails at once on the package lists' lock another holds.
 */
const APT_LOCK = join(tmpdir(), 'verdict-apt.lock')

/**
 * Runs `apt-get args` (non-interactive, its output on stderr) once no other of our apt-gets runs.
 * Throws when it fails, unless `check` is false; returns whether it succeeded.
 */
export function aptGet(args, { check = true } = {}) {
  const apt = ['apt-get', '-o', 'DPkg::Lock::Timeout=600', '-o', 'Acquire::Retries=3', ...args]
  const result = spawnSync('flock', ['--wait', '1200', APT_LOCK, ...apt], {
    stdio: ['ignore', 2, 2],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (check && result.status !== 0) throw new Error(`${apt.join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}).`)
  return result.status === 0
}

/** The executable `variable` names, when it is set; it must exist. */
export function pathFromEnv(variable, what) {
  const chosen = process.env[variable]
  if (!chosen) return undefined
  if (existsSync(chosen)) return chosen
  throw new Error(`No ${what} at ${chosen} (${variable}). Install ${what} or unset ${variable}.`)
}

export function canInstallDebianPackages() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
}

/**
 * Installs `name` and checks that `path` then exists. apt's output goes to stderr: the finders' stdout
 * carries only a path. The package lists are fetched only when the install cannot do without: the
 * finders run side by side, and after the first one's update the second's install needs none.
 */
export function installDebianPackage(name, path) {
  console.error(`${path} is missing; installing Debian's ${name} package…`)
  const install = ['install', '-y', '-qq', '--no-install-recommends', name]
  if (!aptGet(install, { check: false })) {
    aptGet(['update', '-qq'])
    aptGet(install)
  }
  if (!existsSync(path)) throw new Error(`Installed ${name}, but ${path} still does not exist.`)
  return path
}
