import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/services/library/library'
import { createConfBackend } from '../../../src/main/services/settings/conf'
import { lastPlace, rememberPlace } from '../../../src/main/services/settings/place'
import { createSettingsService, type SettingsService } from '../../../src/main/services/settings/settings'
import { stateDirOf } from '../../support/machineState'

let dir: string
let library: Library
let settings: SettingsService
const settingsDir = () => join(dir, 'settings')
/** A second start: the settings read back from their file. */
const reopened = () => createSettingsService(createConfBackend(settingsDir()))

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-place-'))
  library = new Library({ root: join(dir, 'library'), stateDir: stateDirOf(join(dir, 'library')), defaultAuthor: () => '' })
  settings = createSettingsService(createConfBackend(settingsDir()))
})
afterEach(() => library.close())

describe('the place kept for the next start', () => {
  it('gives back the review on screen and the block it was scrolled to, from the settings file', async () => {
    const { id } = await library.create('Ballerina')
    rememberPlace(settings, library, { id, block: 12, offset: -34 })
    expect(await lastPlace(reopened(), library)).toEqual({ id, block: 12, offset: -34 })
    rememberPlace(settings, library, null)
    expect(await lastPlace(reopened(), library)).toBeNull()
  })

  it('forgets a review trashed, renamed or deleted since, and one of another library', async () => {
    const { id } = await library.create('Ballerina')
    rememberPlace(settings, library, { id, block: 1, offset: 0 })
    const other = new Library({ root: join(dir, 'other'), stateDir: stateDirOf(join(dir, 'other')), defaultAuthor: () => '' })
    expect(await lastPlace(settings, other)).toBeNull()

    const { id: renamed } = await library.rename(id, 'Ballerina (2025)')
    expect(await lastPlace(settings, library)).toBeNull()
    rememberPlace(settings, library, { id: renamed, block: 1, offset: 0 })
    await library.trash(renamed)
    expect(await lastPlace(settings, library)).toBeNull()

    const { id: gone } = await library.create('Heat')
    rememberPlace(settings, library, { id: gone, block: 1, offset: 0 })
    await rm(join(library.root, gone, 'review.md'))
    expect(await lastPlace(settings, library)).toBeNull()
  })

  it('ignores a hand-edited settings file that points outside the library or holds nonsense', async () => {
    const { id } = await library.create('Ballerina')
    rememberPlace(settings, library, { id, block: 1, offset: 0 })
    const file = join(settingsDir(), 'settings.json')
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    for (const lastReview of [{ library: library.root, id: '..', block: 0, offset: 0 }, { library: library.root, id, block: -1, offset: 0 }, 'ballerina', 42]) {
      await writeFile(file, JSON.stringify({ ...stored, lastReview }))
      expect(await lastPlace(reopened(), library)).toBeNull()
    }
  })
})
