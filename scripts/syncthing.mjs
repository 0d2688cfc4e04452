// Finds the Syncthing the sync tests (tests/sync) run two of: `VERDICT_SYNCTHING` when set, else
// Debian's `syncthing` package, installed when missing and we are root on a Debian-like machine (the
// CI and developer machines of this project), as scripts/chromium.mjs does for Chromium.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const DEBIAN_SYNCTHING = '/usr/bin/syncthing'

export function ensureSyncthing() {
  const chosen = process.env.VERDICT_SYNCTHING
  if (chosen) {
    if (existsSync(chosen)) return chosen
    throw new Error(`No Syncthing at ${chosen} (VERDICT_SYNCTHING). Install Syncthing or unset VERDICT_SYNCTHING.`)
  }
  if (existsSync(DEBIAN_SYNCTHING)) return DEBIAN_SYNCTHING
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.error(`Syncthing is missing at ${DEBIAN_SYNCTHING}; installing Debian's syncthing package…`)
    // Chromium's and the blogs' installs may hold apt's lock meanwhile: wait for it.
    // apt's output goes to stderr: stdout carries only the path, for `node scripts/syncthing.mjs`.
    const wait = ['-o', 'DPkg::Lock::Timeout=600']
    const stdio = ['ignore', 2, 2]
    execFileSync('apt-get', [...wait, 'update', '-qq'], { stdio })
    execFileSync('apt-get', [...wait, 'install', '-y', '-qq', '--no-install-recommends', 'syncthing'], {
      stdio,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (!existsSync(DEBIAN_SYNCTHING)) throw new Error(`Installed syncthing, but ${DEBIAN_SYNCTHING} still does not exist.`)
    return DEBIAN_SYNCTHING
  }
  throw new Error(`No Syncthing at ${DEBIAN_SYNCTHING}. Install Syncthing (Debian: apt-get install syncthing) or set VERDICT_SYNCTHING to its executable.`)
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureSyncthing())
