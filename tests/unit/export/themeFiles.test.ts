/** The page's stylesheet as loadTheme puts it together: the base, each critic block's page.css from its folder, then the theme. */
import { cp, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CRITIC_BLOCKS } from '../../../src/main/blocks'
import { loadTheme } from '../../../src/main/services/export'
import { STYLE_DIRS } from '../pipeline/renderFixtures'
import { rejection } from '../../support/errors'
import { tempDir } from '../../support/tempLibrary'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

describe('loadTheme', () => {
  it('puts each block’s page.css between the base and the theme, which overrides them', async () => {
    const { css } = await loadTheme(STYLE_DIRS, 'magazine')
    const parts = [
      await readFile(join(STYLE_DIRS.themes, 'base.css'), 'utf8'),
      ...(await Promise.all(CRITIC_BLOCKS.map(({ model }) => readFile(join(STYLE_DIRS.blocks, model.type, 'page.css'), 'utf8')))),
      await readFile(join(STYLE_DIRS.themes, 'magazine', 'theme.css'), 'utf8'),
    ]
    const places = parts.map((part) => css.indexOf(part))
    expect(places.every((place) => place >= 0)).toBe(true)
    expect(places).toEqual([...places].sort((a, b) => a - b))
    // A block's look is in its folder alone (a theme may still restyle it): the base names none of its classes.
    const roots = CRITIC_BLOCKS.flatMap((block) => Object.values(block.html).flatMap((directive) => directive.classes))
    expect(roots.length).toBeGreaterThanOrEqual(CRITIC_BLOCKS.length)
    for (const root of roots) expect(parts[0]).not.toMatch(new RegExp(`\\.${root}\\b`))
  })

  it('names the block whose page.css a copy of the app lacks', async () => {
    const out = await tempDir()
    cleanups.push(out.cleanup)
    const blocks = join(out.dir, 'blocks')
    await cp(STYLE_DIRS.blocks, blocks, { recursive: true })
    await rm(join(blocks, 'pullquote', 'page.css'))
    const error = await rejection(loadTheme({ themes: STYLE_DIRS.themes, blocks }, 'classic'))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toContain('page stylesheet of the pullquote block is missing')
  })
})
