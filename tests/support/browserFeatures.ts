/**
 * Playwright's global setup: the Chromium features the end-to-end browsers switch off. Chromium
 * 156 in headless mode preloads the omnibox's WebUI popups, two renderers that a run never shows and
 * that took a fifth of the suite's CPU. Chromium takes only the last `--disable-features`, so the
 * list given must hold Playwright's own too: read from the switches it launches with, not copied.
 */
import { chromium } from '@playwright/test'

/** The popups of the address bar; headless pages never open them. */
const UNUSED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'OmniboxAimPopup']
export const DISABLED_FEATURES_ENV = 'VERDICT_E2E_DISABLED_FEATURES'

export default async function browserFeatures(): Promise<void> {
  const server = await chromium.launchServer({ executablePath: process.env['PW_CHROMIUM_PATH'] ?? '/usr/bin/chromium' })
  try {
    const own = server.process().spawnargs.find((arg) => arg.startsWith('--disable-features='))
    const features = [...(own?.slice('--disable-features='.length).split(',') ?? []), ...UNUSED_FEATURES]
    // The workers start after this and inherit the environment; the config reads it there.
    process.env[DISABLED_FEATURES_ENV] = features.join(',')
  } finally {
    await server.close()
  }
}
