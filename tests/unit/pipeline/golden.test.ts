/**
 * Golden files: the three fixture reviews rendered to a page (with a stub theme, so theme edits do
 * not churn them) and to the post model. Regenerate with `UPDATE_GOLDEN=1 npx vitest run
 * tests/unit/pipeline/golden.test.ts` after a deliberate change, and look at the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPost, renderPage } from '../../../src/main/services/pipeline'
import { assetUrl, FIXTURE_NAMES, loadFixture, STUB_THEME, unsafeParts } from './renderFixtures'

const GOLDEN = join(import.meta.dirname, 'golden')

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name)
  if (process.env['UPDATE_GOLDEN'] || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true })
    writeFileSync(path, actual)
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

describe('golden pages', () => {
  for (const name of FIXTURE_NAMES) {
    it(`renders ${name} as before`, () => {
      const online = name === 'ballerina'
      const post = buildPost(loadFixture(name), { online, resolveAsset: assetUrl(name) })
      const page = renderPage(post, { theme: STUB_THEME, colorScheme: 'light', online })
      golden(`${name}.html`, page)
      const { html: _html, ...model } = post
      golden(`${name}.post.json`, `${JSON.stringify(model, null, 2)}\n`)
      expect(unsafeParts(page, 'document')).toEqual([])
    })
  }

  it('renders the same with and without the parse cache warm', () => {
    for (const name of FIXTURE_NAMES) {
      const review = loadFixture(name)
      const first = buildPost(review, { resolveAsset: assetUrl(name) })
      const second = buildPost(review, { resolveAsset: assetUrl(name) })
      expect(second).toEqual(first)
    }
  })
})
