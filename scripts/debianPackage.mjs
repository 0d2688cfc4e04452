// Installs a Debian package for the test tools (scripts/chromium.mjs, scripts/syncthing.mjs) when
// we are root on a Debian-like machine: the CI and developer machines of this project.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

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

/** Installs `name` and checks that `path` then exists. apt's output goes to stderr: the finders' stdout carries only a path. */
export function installDebianPackage(name, path) {
  console.error(`${path} is missing; installing Debian's ${name} package…`)
  // Another install (the blogs', the other tool's) may hold apt's lock meanwhile: wait for it.
  const wait = ['-o', 'DPkg::Lock::Timeout=600']
  const stdio = ['ignore', 2, 2]
  execFileSync('apt-get', [...wait, 'update', '-qq'], { stdio })
  execFileSync('apt-get', [...wait, 'install', '-y', '-qq', '--no-install-recommends', name], {
    stdio,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (!existsSync(path)) throw new Error(`Installed ${name}, but ${path} still does not exist.`)
  return path
}
