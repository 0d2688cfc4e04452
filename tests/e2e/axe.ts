/**
 * axe-core on the app's screens: WCAG 2.2 A/AA and axe's best practices with no serious or
 * critical finding in light colours, and the colour rules again in dark ones.
 */
import AxeBuilder from '@axe-core/playwright'
import axe from 'axe-core'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
/**
 * The rules whose outcome depends on the colours. Light and dark differ only in their stylesheet's
 * colours, so the dark pass runs just these: every other rule judges the same markup twice.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

/**
 * The serious and critical findings, one line each, so a failure says what and where; `within`, a
 * selector, scans that part alone (an open modal dialog: the screen behind it was checked before
 * it opened, and is inert). The preview's frame is left out: its page is checked as a reader page
 * of its own, and running axe inside that script-less sandbox left Chromium unable to open another
 * page in the context.
 */
export async function findings(page: Page, within?: string): Promise<string[]> {
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
  // axe.run in the page itself: the default runs each frame apart and merges them in a blank page
  // opened per scan, which doubled every scan's time; the one frame, the preview's, is left out.
  // axe-core's 1.5 MB source goes into each page once: AxeBuilder evaluates the source it is given
  // twice a scan (to check it, then in each frame): a quarter of the accessibility spec's CPU.
  if (await page.evaluate(() => !('axe' in window))) await page.evaluate(axe.source)
  const builder = new AxeBuilder({ page, axeSource: ';' }).exclude('iframe').setLegacyMode(true)
  if (dark) builder.withRules(COLOUR_RULES)
  else builder.withTags(TAGS)
  if (within) builder.include(within)
  const { violations } = await builder.analyze()
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`))
}

/**
 * The page as it is, scanned in light and then in dark colours: the app's colours follow the
 * system's scheme through its stylesheet alone, so the switch changes nothing else on the page.
 */
export async function expectClean(page: Page, within?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await useScheme(page, colorScheme)
    expect(await findings(page, within), `${colorScheme} colours`).toEqual([])
  }
  await useScheme(page, 'light')
}

/**
 * Switches the page's colour scheme and waits out what is still moving: the colour transitions the
 * switch starts (buttons fade) and a dialog's or toast's fade-in, which axe would read as faint text
 * (a scan of a dialog opened 0.14 s earlier found 3.6:1 where the dialog has 4.5:1 and more).
 */
export async function useScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme })
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  )
}
