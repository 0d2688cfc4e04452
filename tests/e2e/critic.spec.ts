import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, screenshotPath, test } from './fixtures'
import { caretAtEnd } from './caret'
import { details, editorText, openReview, saveState, seedReview } from './review'

const TRAILER = 'https://www.youtube.com/watch?v=0FSwsrFpkbw'

/** The folder and review.md whose front matter carries this title (a new review's folder is named by main). */
async function reviewFolder(libraryDir: string, title: string): Promise<{ dir: string; markdown: string }> {
  for (const folder of await readdir(libraryDir)) {
    const markdown = await readFile(join(libraryDir, folder, 'review.md'), 'utf8').catch(() => '')
    if (new RegExp(`^title: ['"]?${title}['"]?$`, 'm').test(markdown)) return { dir: join(libraryDir, folder), markdown }
  }
  throw new Error(`no review titled ${title} in the library`)
}

const scoreWidget = (page: Page, label: string) => editorText(page).getByRole('group', { name: label, exact: true })

/** Puts the caret at the end of the text (the empty paragraph the last insertion left). */
async function toEnd(page: Page): Promise<void> {
  await editorText(page).getByRole('paragraph').first().click()
  await page.keyboard.press('ControlOrMeta+End')
}

/**
 * Drops a PNG drawn in the page onto the end of the paragraph holding `text`, as a file dragged
 * from the desktop arrives: a real `drop` event carrying a DataTransfer with the File.
 */
async function dropImage(page: Page, text: string, fileName: string, draw: 'still' | 'poster' = 'still'): Promise<void> {
  await editorText(page)
    .getByText(text, { exact: true })
    .evaluate(
      async (span, [name, kind]) => {
        const canvas = document.createElement('canvas')
        canvas.width = kind === 'poster' ? 1200 : 640
        canvas.height = kind === 'poster' ? 400 : 360
        paint(canvas, kind === 'poster')
        const blob = await new Promise<Blob>((done) => canvas.toBlob((png) => done(png!), 'image/png'))
        const data = new DataTransfer()
        data.items.add(new File([blob], name, { type: 'image/png' }))
        // The end of its last line: past the text, level with it.
        const block = (span.parentElement ?? span).getBoundingClientRect()
        const line = span.getBoundingClientRect()
        const init = { dataTransfer: data, clientX: block.right - 4, clientY: line.bottom - 8, bubbles: true, cancelable: true }
        span.dispatchEvent(new DragEvent('dragenter', init))
        span.dispatchEvent(new DragEvent('dragover', init))
        span.dispatchEvent(new DragEvent('drop', init))

        /** A dusk scene: a dancer's silhouette on a frozen lake under the moon. */
        function paint(target: HTMLCanvasElement, rich: boolean): void {
          const ctx = target.getContext('2d')!
          const { width: w, height: h } = target
          const sky = ctx.createLinearGradient(0, 0, 0, h)
          sky.addColorStop(0, '#0b1d36')
          sky.addColorStop(0.55, '#2f5d80')
          sky.addColorStop(1, '#e9a27a')
          ctx.fillStyle = sky
          ctx.fillRect(0, 0, w, h)
          const glow = ctx.createRadialGradient(w * 0.72, h * 0.3, 0, w * 0.72, h * 0.3, h * 0.3)
          glow.addColorStop(0, 'rgba(255, 246, 222, 1)')
          glow.addColorStop(0.25, 'rgba(255, 246, 222, 0.95)')
          glow.addColorStop(1, 'rgba(255, 246, 222, 0)')
          ctx.fillStyle = glow
          ctx.fillRect(0, 0, w, h)
          ctx.fillStyle = '#10283b'
          ctx.beginPath()
          ctx.moveTo(0, h * 0.7)
          for (let x = 0; x <= w; x += w / 8) ctx.quadraticCurveTo(x + w / 16, h * (0.62 + ((x / w) % 0.2)), x + w / 8, h * 0.68)
          ctx.lineTo(w, h)
          ctx.lineTo(0, h)
          ctx.fill()
          const ice = ctx.createLinearGradient(0, h * 0.78, 0, h)
          ice.addColorStop(0, '#9fc3d6')
          ice.addColorStop(1, '#3b6479')
          ctx.fillStyle = ice
          ctx.fillRect(0, h * 0.8, w, h * 0.2)
          if (!rich) return
          // The dancer: head, torso, arms raised, one leg extended.
          ctx.fillStyle = '#0a1420'
          ctx.strokeStyle = '#0a1420'
          ctx.lineCap = 'round'
          const cx = w * 0.36
          const base = h * 0.82
          ctx.lineWidth = h * 0.022
          ctx.beginPath()
          ctx.arc(cx, base - h * 0.43, h * 0.028, 0, Math.PI * 2)
          ctx.fill()
          ctx.beginPath()
          ctx.moveTo(cx, base - h * 0.4)
          ctx.lineTo(cx + h * 0.01, base - h * 0.22)
          ctx.moveTo(cx, base - h * 0.37)
          ctx.quadraticCurveTo(cx - h * 0.08, base - h * 0.5, cx - h * 0.02, base - h * 0.56)
          ctx.moveTo(cx, base - h * 0.37)
          ctx.quadraticCurveTo(cx + h * 0.09, base - h * 0.48, cx + h * 0.03, base - h * 0.57)
          ctx.moveTo(cx + h * 0.01, base - h * 0.22)
          ctx.lineTo(cx + h * 0.005, base)
          ctx.moveTo(cx + h * 0.01, base - h * 0.22)
          ctx.lineTo(cx + h * 0.2, base - h * 0.27)
          ctx.stroke()
          ctx.beginPath()
          ctx.moveTo(cx - h * 0.05, base - h * 0.24)
          ctx.quadraticCurveTo(cx + h * 0.01, base - h * 0.3, cx + h * 0.07, base - h * 0.24)
          ctx.quadraticCurveTo(cx + h * 0.01, base - h * 0.2, cx - h * 0.05, base - h * 0.24)
          ctx.fill()
        }
      },
      [fileName, draw] as const,
    )
}

test('writes a review like a blog post: score, a dropped credited image, spoiler, pull quote and trailer come back exactly', async ({ page, libraryDir }) => {
  // Writing offline: nothing, not even the trailer, is fetched from anywhere but the app.
  const outside: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(page.url()).origin) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) outside.push(request.url())
  })
  await page.getByRole('button', { name: 'New review' }).click()
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toBeFocused()
  await page.keyboard.type('Ballerina')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Len Wiseman’s spin-off could have been a cash-in. Instead it is the most inventive action film of the year.')
  await page.keyboard.press('Enter')

  // The score, from the toolbar's Insert menu, at the caret.
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' }).click()
  await page.getByRole('menu', { name: 'Insert' }).getByRole('menuitem', { name: 'Score' }).click()
  const score = scoreWidget(page, 'Overall Score')
  await expect(score.getByRole('checkbox', { name: 'Overall score of the review' })).toBeChecked()
  await score.getByRole('spinbutton', { name: 'Score out of 10' }).fill('9.5')
  await score.getByLabel('Verdict').fill('A stylish, bruising spin-off that earns its place.')
  await score.getByRole('button', { name: 'Add sub-score' }).click()
  await expect(score.getByLabel('Sub-score 1 name')).toBeFocused()
  await page.keyboard.type('Story')
  await score.getByLabel('Sub-score 1 score').fill('9')
  await score.getByRole('button', { name: 'Add sub-score' }).click()
  await score.getByLabel('Sub-score 2 name').fill('Action')
  await score.getByLabel('Sub-score 2 score').fill('10')
  await score.getByRole('button', { name: 'Add pro' }).click()
  await page.keyboard.type('Relentless fight choreography')
  await score.getByRole('button', { name: 'Add con' }).click()
  await page.keyboard.type('Thin supporting cast')

  // A paragraph, then a still dropped from the desktop at its end: alt text is asked for at once.
  await toEnd(page)
  await page.keyboard.type('The Ruska Roma finally get their due.')
  await dropImage(page, 'The Ruska Roma finally get their due.', 'frozen-lake.png')
  const image = editorText(page).getByRole('group', { name: /^Image/ })
  await expect(image.getByText('Alt text missing')).toBeVisible()
  await expect(image.getByLabel('Alt text')).toBeFocused()
  await page.keyboard.type('Eve on a frozen lake at dusk')
  await expect(image.getByText('Alt text missing')).toBeHidden()
  await expect(image.getByRole('img', { name: 'Eve on a frozen lake at dusk' })).toBeVisible()
  await image.getByLabel('Caption').fill('The winter village where the final act unfolds.')
  await image.getByLabel('Credit').fill('Lionsgate')
  await image.getByLabel('Image width').selectOption({ label: 'Wide' })

  // A spoiler from the slash menu; Enter on its empty last line leaves it.
  await toEnd(page)
  await page.keyboard.type('One more thing.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('/spoi')
  await expect(page.getByRole('listbox').getByRole('option', { name: /Spoiler/ })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  const spoiler = page.getByRole('button', { name: 'Spoilers', exact: true })
  await expect(spoiler).toHaveAttribute('aria-expanded', 'true')
  await page.keyboard.type('Eve’s last fight is a flamethrower duel.')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')

  // A pull quote by its shortcut, then the trailer from the Insert menu.
  await page.keyboard.press("ControlOrMeta+Shift+'")
  await page.keyboard.type('The best action film since John Wick.')
  await page.keyboard.press('Enter')
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' }).click()
  await page.getByRole('menuitem', { name: 'Trailer…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add trailer' })
  await dialog.getByLabel('Video address').fill('https://example.com/not-a-video')
  await dialog.getByRole('button', { name: 'Add trailer' }).click()
  await expect(dialog.getByRole('alert')).toContainText('YouTube or Vimeo')
  await dialog.getByLabel('Video address').fill(TRAILER)
  await dialog.getByRole('button', { name: 'Add trailer' }).click()
  await expect(dialog).toBeHidden()
  const trailer = editorText(page).getByRole('group', { name: 'Trailer' })
  await expect(trailer).toContainText('YouTube')
  await expect(trailer.getByRole('link', { name: 'Open trailer' })).toHaveAttribute('href', TRAILER)

  // What is reviewed, and the spoilers flag.
  const panel = details(page)
  await panel.getByLabel('Kind').selectOption({ label: 'Film' })
  await panel.getByLabel('Name', { exact: true }).fill('Ballerina')
  await panel.getByLabel('Year').fill('2025')
  await panel.getByLabel('Director').fill('Len Wiseman')
  await panel.getByLabel('Cast').fill('Ana de Armas, Keanu Reeves')
  // A number field says what it wants and keeps the draft until it gets it.
  await panel.getByLabel('Runtime (minutes)').fill('2 hours')
  await expect(panel.getByLabel('Runtime (minutes)')).toHaveAccessibleDescription('Enter the runtime in minutes as a whole number from 1 to 100000')
  await panel.getByLabel('Runtime (minutes)').fill('125')
  await expect(panel.getByLabel('Runtime (minutes)')).not.toHaveAttribute('aria-invalid')
  await panel.getByLabel('IMDb').fill('tt7181546')
  await panel.getByLabel('Contains spoilers').check()

  await expect(saveState(page)).toHaveText('Saved')
  const { dir, markdown } = await reviewFolder(libraryDir, 'Ballerina')

  // Front matter: the mirrored overall score, what is reviewed, the flag.
  expect(markdown).toMatch(/^score:\n {2}value: 9\.5\n {2}scale: "?'?10'?"?$/m)
  expect(markdown).toMatch(/^spoilers: true$/m)
  expect(markdown).toMatch(/^subject:\n {2}kind: film\n {2}title: Ballerina\n {2}year: 2025$/m)
  expect(markdown).toMatch(/^ {2}creators:\n {4}- Len Wiseman$/m)
  expect(markdown).toMatch(/imdb: tt7181546/)
  // The body: readable directives.
  expect(markdown).toMatch(/^:::score\[Overall Score\]\{value="9\.5" scale="10" overall\}$/m)
  expect(markdown).toContain('Verdict: A stylish, bruising spin-off that earns its place.')
  expect(markdown).toMatch(/Sub-scores:\n\n?- Story: 9\n- Action: 10/)
  expect(markdown).toMatch(/Pros:\n\n?- Relentless fight choreography/)
  expect(markdown).toMatch(/^:::figure\{credit="Lionsgate" width="wide"\}$/m)
  const imagePath = /!\[Eve on a frozen lake at dusk\]\((assets\/[0-9a-f]{16}\.png)\)/.exec(markdown)?.[1]
  expect(imagePath).toBeTruthy()
  expect(markdown).toContain('The winter village where the final act unfolds.')
  expect(markdown).toMatch(/^:::spoiler(\[Spoilers\])?$/m)
  expect(markdown).toContain('Eve’s last fight is a flamethrower duel.')
  expect(markdown).toMatch(/^:::pullquote\nThe best action film since John Wick\.\n:::$/m)
  expect(markdown).toContain(`::embed{url="${TRAILER}"}`)
  // The image itself, stored once under its content name.
  expect(await readdir(join(dir, 'assets'))).toEqual([imagePath!.slice('assets/'.length)])
  const png = await readFile(join(dir, imagePath!))
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

  // Reload: the review is shown again with everything back, and opening it writes nothing.
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Ballerina')
  const again = scoreWidget(page, 'Overall Score')
  await expect(again.getByRole('spinbutton', { name: 'Score out of 10' })).toHaveValue('9.5')
  await expect(again.getByRole('checkbox', { name: 'Overall score of the review' })).toBeChecked()
  await expect(again.getByLabel('Verdict')).toHaveValue('A stylish, bruising spin-off that earns its place.')
  await expect(again.getByLabel('Sub-score 1 name')).toHaveValue('Story')
  await expect(again.getByLabel('Sub-score 1 score')).toHaveValue('9')
  await expect(again.getByLabel('Sub-score 2 name')).toHaveValue('Action')
  await expect(again.getByLabel('Sub-score 2 score')).toHaveValue('10')
  await expect(again.getByRole('textbox', { name: 'Pro 1', exact: true })).toHaveValue('Relentless fight choreography')
  await expect(again.getByRole('textbox', { name: 'Con 1', exact: true })).toHaveValue('Thin supporting cast')
  await expect(again.getByRole('alert')).toHaveCount(0)
  const reloadedImage = editorText(page).getByRole('group', { name: 'Image: Eve on a frozen lake at dusk' })
  await expect(reloadedImage.getByRole('img', { name: 'Eve on a frozen lake at dusk' })).toBeVisible()
  expect(await reloadedImage.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640)
  await expect(reloadedImage.getByLabel('Caption')).toHaveValue('The winter village where the final act unfolds.')
  await expect(reloadedImage.getByLabel('Credit')).toHaveValue('Lionsgate')
  await expect(reloadedImage.getByLabel('Image width')).toHaveValue('wide')
  // The spoiler is collapsed until asked for.
  const reloadedSpoiler = page.getByRole('button', { name: 'Spoilers', exact: true })
  await expect(reloadedSpoiler).toHaveAttribute('aria-expanded', 'false')
  await expect(editorText(page).getByText('Eve’s last fight is a flamethrower duel.')).toBeHidden()
  await reloadedSpoiler.click()
  await expect(editorText(page).getByText('Eve’s last fight is a flamethrower duel.')).toBeVisible()
  await expect(editorText(page).getByRole('complementary', { name: 'Pull quote' })).toHaveText('The best action film since John Wick.')
  await expect(editorText(page).getByRole('group', { name: 'Trailer' }).getByRole('link', { name: 'Open trailer' })).toHaveAttribute('href', TRAILER)
  await expect(details(page).getByLabel('Kind')).toHaveValue('film')
  await expect(details(page).getByLabel('Name', { exact: true })).toHaveValue('Ballerina')
  await expect(details(page).getByLabel('Year')).toHaveValue('2025')
  await expect(details(page).getByLabel('Director')).toHaveValue('Len Wiseman')
  await expect(details(page).getByLabel('Cast')).toHaveValue('Ana de Armas, Keanu Reeves')
  await expect(details(page).getByLabel('Contains spoilers')).toBeChecked()
  await expect(saveState(page)).toHaveText('Saved')
  expect((await reviewFolder(libraryDir, 'Ballerina')).markdown).toBe(markdown)

  // The library card says what it is and how it scored.
  await page.getByRole('button', { name: 'Library', exact: true }).click()
  const card = page.getByRole('listitem', { name: 'Ballerina', exact: true })
  await expect(card).toContainText('9.5/10')
  await expect(card).toContainText('Film')
  await expect(card).toContainText('Ballerina (2025)')
  await expect(card).toContainText('Len Wiseman')
  expect(outside).toEqual([])
})

test('a score from the file that does not fit its scale is kept and explained; typed scores are brought onto the scale', async ({ blankPage: page, host, libraryDir }) => {
  const file = await seedReview(
    libraryDir,
    'ballerina',
    'Ballerina',
    `An opening line.

:::score[Overall Score]{value="11" scale="10" overall}
Verdict: Too good to be true.
:::

::score[Story]{value="4.5" scale="5"}

::score[Grade]{value="B+" scale="letter"}
`,
  )
  const original = await readFile(file, 'utf8')
  await page.goto(host.url)
  await openReview(page, 'Ballerina')

  // Opening reports it, shows it as written, and writes nothing.
  await expect(page.getByRole('region', { name: 'Notes on this file' })).toContainText('11 is above 10')
  const overall = scoreWidget(page, 'Overall Score')
  await expect(overall.getByRole('spinbutton', { name: 'Score out of 10' })).toHaveValue('11')
  await expect(overall.getByRole('alert')).toContainText('11 is above 10, the top of this scale')
  const story = scoreWidget(page, 'Story')
  await expect(story.getByRole('radio', { name: '4.5 stars' })).toBeChecked()
  await expect(story.getByRole('checkbox', { name: 'Overall score of the review' })).not.toBeChecked()
  await expect(scoreWidget(page, 'Grade').getByRole('combobox', { name: 'Letter grade' })).toHaveValue('B+')
  await page.getByRole('button', { name: 'Dismiss notes' }).click()
  await expect(page.getByRole('region', { name: 'Notes on this file' })).toBeHidden()
  await expect(saveState(page)).toHaveText('Saved')
  expect(await readFile(file, 'utf8')).toBe(original)

  // Typing replaces it; out-of-range typing is clamped, and shown clamped once the field is left.
  const value = overall.getByRole('spinbutton', { name: 'Score out of 10' })
  await value.fill('9.5')
  await expect(overall.getByRole('alert')).toHaveCount(0)
  await value.fill('15')
  await value.blur()
  await expect(value).toHaveValue('10')
  await value.fill('8.25')
  await value.blur()
  await expect(value).toHaveValue('8.3')

  // Stars are a radio group: the arrow keys move by half a star.
  await story.getByRole('radio', { name: '4.5 stars' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(story.getByRole('radio', { name: '5 stars', exact: true })).toBeChecked()
  await scoreWidget(page, 'Grade').getByRole('combobox', { name: 'Letter grade' }).selectOption('A-')

  // Only one overall score: choosing another takes it from the first.
  await story.getByRole('checkbox', { name: 'Overall score of the review' }).check()
  await expect(overall.getByRole('checkbox', { name: 'Overall score of the review' })).not.toBeChecked()

  // A score added now is not the overall one; its label can be changed in place.
  await caretAtEnd(editorText(page).getByText('An opening line.'))
  await page.keyboard.press('Enter')
  await page.keyboard.type('/score')
  await expect(page.getByRole('listbox', { name: 'Insert a block' }).getByRole('option', { name: /^Score/ })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  const added = scoreWidget(page, 'Score')
  await expect(added.getByRole('checkbox', { name: 'Overall score of the review' })).not.toBeChecked()
  await added.getByLabel('Score label').fill('Acting')
  await scoreWidget(page, 'Acting').getByLabel('Scale').selectOption({ label: 'Out of 100' })
  await scoreWidget(page, 'Acting').getByRole('spinbutton', { name: 'Score out of 100' }).fill('87')

  await expect(saveState(page)).toHaveText('Saved')
  const markdown = await readFile(file, 'utf8')
  expect(markdown).toMatch(/^::score\[Acting\]\{value="87" scale="100"\}$/m)
  expect(markdown).toMatch(/^:::score\[Overall Score\]\{value="8\.3" scale="10"\}$/m)
  expect(markdown).toMatch(/^::score\[Story\]\{value="5" scale="5" overall\}$/m)
  expect(markdown).toMatch(/^::score\[Grade\]\{value="A-" scale="letter"\}$/m)
  expect(markdown).toMatch(/^score:\n {2}value: 5\n {2}scale: "?'?5'?"?\n {2}label: Story$/m)
  expect(markdown.indexOf('An opening line.')).toBeLessThan(markdown.indexOf('::score[Acting]'))
  expect(markdown.indexOf('::score[Acting]')).toBeLessThan(markdown.indexOf(':::score[Overall Score]'))
})

test('spoilers hold prose only: a score or pull quote started inside one goes after it; the Insert menu works from the keyboard', async ({ blankPage: page, host, libraryDir }) => {
  const file = await seedReview(libraryDir, 'ballerina', 'Ballerina', 'Before.\n\n:::spoiler[Spoilers: the ending]\nHidden text.\n:::\n\nAfter.\n')
  await page.goto(host.url)
  await openReview(page, 'Ballerina')

  const toggle = page.getByRole('button', { name: 'Spoilers: the ending' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(editorText(page).getByText('Hidden text.')).toBeHidden()
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await caretAtEnd(editorText(page).getByText('Hidden text.'))

  // Keyboard only: the menu button opens on ArrowDown with the first item focused.
  const insert = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert' })
  await insert.focus()
  await page.keyboard.press('ArrowDown')
  const menu = page.getByRole('menu', { name: 'Insert' })
  await expect(menu.getByRole('menuitem', { name: 'Score' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(menu.getByRole('menuitem', { name: 'Trailer…' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(insert).toBeFocused()
  await expect(insert).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await expect(scoreWidget(page, 'Overall Score')).toBeVisible()

  await caretAtEnd(editorText(page).getByText('Hidden text.'))
  await page.keyboard.press("ControlOrMeta+Shift+'")
  await page.keyboard.type('Quoted outside the spoiler.')

  // Collapsing it again hides its text; the label is edited in its header.
  await page.getByRole('textbox', { name: 'Spoiler label' }).fill('The ending')
  await page.getByRole('button', { name: 'The ending', exact: true }).click()
  await expect(editorText(page).getByText('Hidden text.')).toBeHidden()

  await expect(saveState(page)).toHaveText('Saved')
  const markdown = await readFile(file, 'utf8')
  expect(markdown).toContain(
    'Before.\n\n:::spoiler[The ending]\nHidden text.\n:::\n\n:::pullquote\nQuoted outside the spoiler.\n:::\n\n::score[Overall Score]{',
  )
  expect(markdown).toContain('overall}\n\nAfter.\n')
})

test('the library shows what each review is about and its score, sorts by score across scales and filters by kind', async ({ blankPage: page, host, libraryDir }) => {
  const subject = (kind: string, title: string, year: number, creator: string) => [
    'subject:',
    `  kind: ${kind}`,
    `  title: ${title}`,
    `  year: ${year}`,
    `  creators: [${creator}]`,
  ]
  await seedReview(libraryDir, 'ballerina', 'Ballerina', '::score[Overall Score]{value="9.5" scale="10" overall}\n', { frontMatter: subject('film', 'Ballerina', 2025, 'Len Wiseman') })
  await seedReview(libraryDir, 'intermezzo', 'Intermezzo', '::score[Overall Score]{value="4" scale="5" overall}\n', { frontMatter: subject('book', 'Intermezzo', 2024, 'Sally Rooney') })
  await seedReview(libraryDir, 'hades-ii', 'Hades II', '::score[Overall Score]{value="B+" scale="letter" overall}\n', { frontMatter: subject('game', 'Hades II', 2025, 'Supergiant Games') })
  await seedReview(libraryDir, 'notes', 'Notes on nothing', 'Just words.\n')
  await page.goto(host.url)

  const list = page.getByRole('list', { name: 'Reviews' })
  const card = (title: string) => list.getByRole('listitem', { name: title, exact: true })
  await expect(card('Ballerina')).toContainText('9.5/10')
  await expect(card('Ballerina')).toContainText('Film')
  await expect(card('Ballerina')).toContainText('Ballerina (2025) · Director: Len Wiseman')
  await expect(card('Intermezzo')).toContainText('4/5')
  await expect(card('Intermezzo')).toContainText('Intermezzo (2024) · Author: Sally Rooney')
  await expect(card('Hades II')).toContainText('B+')

  await page.getByLabel('Sort by').selectOption({ label: 'Score' })
  await expect(list.getByRole('heading', { level: 2 })).toHaveText(['Ballerina', 'Intermezzo', 'Hades II', 'Notes on nothing', 'Welcome to Verdict'])

  const kinds = page.getByRole('list', { name: 'Filter by kind' })
  await kinds.getByRole('button', { name: /^Books/ }).click()
  await expect(list.getByRole('heading', { level: 2 })).toHaveText(['Intermezzo'])
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All reviews · Books')
  await kinds.getByRole('button', { name: /^All kinds/ }).click()
  await expect(list.getByRole('heading', { level: 2 })).toHaveCount(5)
})

test('a screenshot pasted from the clipboard becomes an image; one can be the featured image', async ({ blankPage: page, host, libraryDir }) => {
  const file = await seedReview(libraryDir, 'ballerina', 'Ballerina', 'A paragraph to paste after.\n')
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  await caretAtEnd(editorText(page).getByText('A paragraph to paste after.'))
  await page.keyboard.press('Enter')
  // What a screenshot puts on the clipboard: one image file, no text.
  await editorText(page).evaluate(async (root) => {
    const canvas = document.createElement('canvas')
    canvas.width = 320
    canvas.height = 180
    const ctx = canvas.getContext('2d')!
    ctx.fillStyle = '#a6512c'
    ctx.fillRect(0, 0, 320, 180)
    const blob = await new Promise<Blob>((done) => canvas.toBlob((png) => done(png!), 'image/png'))
    const data = new DataTransfer()
    data.items.add(new File([blob], 'image.png', { type: 'image/png' }))
    root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  const image = editorText(page).getByRole('group', { name: /^Image/ })
  await expect(image.getByLabel('Alt text')).toBeFocused()
  await page.keyboard.type('A rust-coloured test card')
  await image.getByLabel('Use as featured image').check()
  const panel = details(page)
  await expect(panel.getByRole('button', { name: 'Remove featured image' })).toBeVisible()
  await expect(saveState(page)).toHaveText('Saved')
  let markdown = await readFile(file, 'utf8')
  const path = /!\[A rust-coloured test card\]\((assets\/[0-9a-f]{16}\.png)\)/.exec(markdown)?.[1]
  expect(path).toBeTruthy()
  expect(markdown).toContain(`featuredImage: ${path}`)

  await panel.getByRole('button', { name: 'Remove featured image' }).click()
  await expect(image.getByLabel('Use as featured image')).not.toBeChecked()
  await expect(saveState(page)).toHaveText('Saved')
  markdown = await readFile(file, 'utf8')
  expect(markdown).not.toContain('featuredImage:')
})

test('a card’s remove button takes the image or trailer out of the review, the caret going to the end of the text before it', async ({ blankPage: page, host, libraryDir }) => {
  const file = await seedReview(libraryDir, 'ballerina', 'Ballerina', `Before the still.\n\n![A still](assets/still.png)\n\nBefore the trailer.\n\n::embed{url="${TRAILER}"}\n\nThe end.\n`)
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  await editorText(page).getByRole('group', { name: 'Image: A still' }).getByRole('button', { name: 'Remove image' }).click()
  await page.keyboard.type(' Typed.')
  await expect(editorText(page).getByRole('paragraph').first()).toHaveText('Before the still. Typed.')
  await editorText(page).getByRole('group', { name: 'Trailer' }).getByRole('button', { name: 'Remove trailer' }).click()
  await page.keyboard.type(' Typed too.')
  await expect(editorText(page).getByRole('paragraph').nth(1)).toHaveText('Before the trailer. Typed too.')
  await expect(editorText(page).getByRole('group')).toHaveCount(0)
  await expect(saveState(page)).toHaveText('Saved')
  expect(await readFile(file, 'utf8')).toMatch(/\n\nBefore the still\. Typed\.\n\nBefore the trailer\. Typed too\.\n\nThe end\.\n$/)
})

test('screenshot: a review with its score widget and a credited image', async ({ blankPage: page, host, libraryDir }) => {
  const frontMatter = [
    'subject:',
    '  kind: film',
    '  title: Ballerina',
    '  year: 2025',
    '  creators: [Len Wiseman]',
    '  cast: [Ana de Armas, Keanu Reeves, Ian McShane]',
    '  runtime: 125',
    '  ids: { imdb: tt7181546 }',
    'spoilers: true',
  ]
  await seedReview(
    libraryDir,
    'ballerina',
    'Ballerina',
    `Len Wiseman’s spin-off could have been a cash-in. Instead it is the most inventive action film of the year: a revenge story told almost entirely through movement.

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off that earns its place.

Sub-scores:
- Story: 8.5
- Action: 10

Pros:
- Inventive, relentless fights

Cons:
- A thin supporting cast
:::

The Ruska Roma, glimpsed in *Chapter 3*, finally get their due.
`,
    { frontMatter },
  )
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  await dropImage(page, 'Len Wiseman’s spin-off could have been a cash-in. Instead it is the most inventive action film of the year: a revenge story told almost entirely through movement.', 'ruska-roma.png', 'poster')
  const image = editorText(page).getByRole('group', { name: /^Image/ })
  await expect(image.getByLabel('Alt text')).toBeFocused()
  await page.keyboard.type('Eve, a silhouette on a frozen lake under the moon')
  await image.getByLabel('Caption').fill('The winter village where the final act unfolds.')
  await image.getByLabel('Credit').fill('Lionsgate')
  await image.getByLabel('Use as featured image').check()
  await editorText(page).getByText('The Ruska Roma, glimpsed in').click()
  await expect(saveState(page)).toHaveText('Saved')

  await image.evaluate((element) => {
    const scroller = element.closest('.editor-scroll')!
    scroller.scrollTop += element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 16
  })
  await details(page).getByLabel('Kind').evaluate((element) => element.closest('fieldset')!.scrollIntoView({ block: 'start' }))
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('critic.png') })
})
