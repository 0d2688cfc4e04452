// Finds the Chromium the browser tests drive, installing Debian's package when it is missing
// and we are root on a Debian-like machine (the CI and developer machines of this project).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export function ensureChromium() {
  const path = process.env.PW_CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (existsSync(path)) return path
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')
  if (!canApt) {
    throw new Error(`No Chromium at ${path}. Install Chromium and set PW_CHROMIUM_PATH to its executable.`)
  }
  console.log(`Chromium is missing at ${path}; installing Debian's chromium package…`)
  // The blog scripts may be installing their packages at the same time: wait for apt's lock.
  const wait = ['-o', 'DPkg::Lock::Timeout=600']
  execFileSync('apt-get', [...wait, 'update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', [...wait, 'install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (!existsSync(path)) throw new Error(`Installed chromium, but ${path} still does not exist.`)
  return path
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium())
