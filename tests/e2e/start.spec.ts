import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { openReview, seedReview } from './review'

const reviews = (page: Page) => page.getByRole('list', { name: 'Reviews' })
const titleField = (page: Page) => page.getByRole('textbox', { name: 'Title' })

test('a reload shows the review that was open, where it was scrolled to; after the library, or once it is trashed, the library', async ({ blankPage: page, host, libraryDir }) => {
  const filler = Array(6).fill('the camera stays with her through every turn of the fight').join(' ')
  await seedReview(libraryDir, 'long', 'Long', `${Array.from({ length: 200 }, (_, i) => `Paragraph ${i} ${filler}.`).join('\n\n')}\n`)
  await page.goto(host.url)
  await openReview(page, 'Long')
  const paragraph = (i: number) => page.getByRole('textbox', { name: 'Review text' }).locator('p').filter({ hasText: `Paragraph ${i} ` })

  // Well past what the first screen shows (blocks in between are drawn at an estimated height).
  await paragraph(120).evaluate((element) => element.scrollIntoView({ block: 'start' }))
  await expect.poll(() => host.services.settings.get().lastReview?.block ?? 0).toBeGreaterThan(100)
  await page.reload()
  await expect(titleField(page)).toHaveValue('Long')
  await expect(paragraph(120)).toBeInViewport()
  await expect(paragraph(0)).not.toBeInViewport()
  await expect(reviews(page)).toBeHidden()

  // Back in the library, a reload stays there.
  await page.getByRole('button', { name: 'Library' }).click()
  await expect(reviews(page)).toBeVisible()
  await expect.poll(() => host.services.settings.get().lastReview).toBeNull()
  await page.reload()
  await expect(reviews(page).getByRole('listitem', { name: 'Long', exact: true })).toBeVisible()

  // Trashed elsewhere while open: the next start shows the library, with nothing to report.
  await openReview(page, 'Long')
  await expect.poll(() => host.services.settings.get().lastReview?.id).toBe('long')
  await host.services.writes.trash('long')
  await page.reload()
  await expect(reviews(page).getByRole('listitem', { name: 'Welcome to Verdict' })).toBeVisible()
  await expect(reviews(page).getByRole('listitem', { name: 'Long', exact: true })).toBeHidden()
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(host.errors).toEqual([])
})

/** WCAG's contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((n) => {
      const c = Number(n) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

test('the empty “What is reviewed” fields hold no value; their placeholders read as examples, italic and legible', async ({ page }) => {
  await page.getByRole('button', { name: 'New review' }).click()
  const subject = page.getByRole('complementary', { name: 'Review details' }).getByRole('group', { name: 'What is reviewed' })
  for (const kind of ['Film', 'Book', 'Game', 'Season of a series']) {
    await subject.getByLabel('Kind').selectOption({ label: kind })
    await expect(subject.getByRole('textbox', { name: 'Name' })).toHaveValue('')
    const fields = await subject.getByRole('textbox').all()
    expect(fields.length).toBeGreaterThan(3)
    for (const field of fields) {
      await expect(field).toHaveValue('')
      const placeholder = await field.getAttribute('placeholder')
      if (placeholder === null) continue
      expect(placeholder).toMatch(/^e\.g\. \S/)
      const look = await field.evaluate((input) => {
        const hint = getComputedStyle(input, '::placeholder')
        return { fontStyle: hint.fontStyle, opacity: hint.opacity, color: hint.color, background: getComputedStyle(input).backgroundColor, value: getComputedStyle(input).color }
      })
      expect(look.fontStyle).toBe('italic')
      expect(look.opacity).toBe('1')
      expect(look.color).not.toBe(look.value)
      expect(contrast(look.color, look.background)).toBeGreaterThanOrEqual(4.5)
    }
  }
  await expect(subject.getByRole('textbox', { name: 'IMDb' })).toHaveAttribute('placeholder', 'e.g. tt7181546')
  await expect(subject.getByRole('textbox', { name: 'Year' })).toHaveAttribute('placeholder', 'e.g. 2025')
})

test.describe('on a new computer', () => {
  test.use({ firstRun: true })
  const welcome = (page: Page) => page.getByRole('dialog', { name: 'Welcome to Verdict' })

  test('the first run asks for the critic’s name and reading speed; new reviews take the name, and it is not asked again', async ({ page, host }) => {
    await expect(welcome(page)).toBeVisible()
    const author = welcome(page).getByRole('textbox', { name: 'Author' })
    await expect(author).toBeFocused()
    await author.fill('Ana Critic')
    await welcome(page).getByRole('spinbutton', { name: 'Words per minute' }).fill('240')
    // Update checks are asked about, and off unless the critic ticks them.
    const updates = welcome(page).getByRole('checkbox', { name: 'Check for updates' })
    await expect(updates).not.toBeChecked()
    await expect(updates).toHaveAccessibleDescription(/Nothing is sent while this is off/)
    await welcome(page).getByRole('button', { name: 'Save settings' }).click()
    await expect(welcome(page)).toBeHidden()
    expect(host.services.settings.get()).toMatchObject({ author: 'Ana Critic', wordsPerMinute: 240, welcomed: true, checkForUpdates: false })

    await page.getByRole('button', { name: 'New review' }).click()
    await expect(titleField(page)).toBeFocused()
    await expect(page.getByRole('complementary', { name: 'Review details' }).getByRole('textbox', { name: 'Author' })).toHaveValue('Ana Critic')

    // The next start: the review again, and no welcome.
    await page.reload()
    await expect(page.getByRole('complementary', { name: 'Review details' }).getByRole('textbox', { name: 'Author' })).toHaveValue('Ana Critic')
    await expect(welcome(page)).toBeHidden()
  })

  test('the welcome can be skipped, and is then not shown again; Settings… still has the fields', async ({ page, host }) => {
    await expect(welcome(page)).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(welcome(page)).toBeHidden()
    await expect.poll(() => host.services.settings.get().welcomed).toBe(true)
    expect(host.services.settings.get().author).toBe('')
    await page.reload()
    await expect(reviews(page)).toBeVisible()
    await expect(welcome(page)).toBeHidden()
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await expect(settings.getByRole('textbox', { name: 'Author' })).toHaveValue('')
    // Skipped, the update question stays off; Settings… turns it on.
    expect(host.services.settings.get().checkForUpdates).toBe(false)
    await settings.getByRole('checkbox', { name: 'Check for updates' }).check()
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await expect(settings).toBeHidden()
    expect(host.services.settings.get().checkForUpdates).toBe(true)
  })
})
