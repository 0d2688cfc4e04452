// Finds the Syncthing the sync tests (tests/sync) run two of: `VERDICT_SYNCTHING` when set, else
// Debian's `syncthing` package, installed when missing and we are root on a Debian-like machine (the
// CI and developer machines of this project), as scripts/chromium.mjs does for Chromium.
import { existsSync } from 'node:fs'
import { canInstallDebianPackages, installDebianPackage, pathFromEnv } from './debianPackage.mjs'

const DEBIAN_SYNCTHING = '/usr/bin/syncthing'

export function ensureSyncthing() {
  const chosen = pathFromEnv('VERDICT_SYNCTHING', 'Syncthing')
  if (chosen) return chosen
  if (existsSync(DEBIAN_SYNCTHING)) return DEBIAN_SYNCTHING
  if (canInstallDebianPackages()) return installDebianPackage('syncthing', DEBIAN_SYNCTHING)
  throw new Error(`No Syncthing at ${DEBIAN_SYNCTHING}. Install Syncthing (Debian: apt-get install syncthing) or set VERDICT_SYNCTHING to its executable.`)
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureSyncthing())
