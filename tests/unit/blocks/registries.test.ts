/**
 * The places that must know every block (docs/extending.md): each is typed `Record<BlockType, …>`,
 * so tsc names a block left out; this test catches the same at run time, should a registry be
 * built another way.
 */
import { describe, expect, it } from 'vitest'
import { BLOCK_TYPES, type CriticBlockType } from '../../../src/shared/document'
import { BLOCK_CONVERTERS, BLOCKS } from '../../../src/main/services/format/blocks'
import { CRITIC_DIRECTIVES } from '../../../src/main/services/pipeline/directives'

/** Renderer modules, loaded by a path the type checker does not follow (they belong to the DOM-typed program). */
async function fromRenderer(path: string, name: string): Promise<unknown> {
  const module = (await import(/* @vite-ignore */ `../../../src/renderer/src/editor/${path}`)) as Record<string, unknown>
  return module[name]
}

const CRITIC_BLOCK_TYPES = ['score', 'image', 'spoiler', 'pullquote', 'embed'] satisfies CriticBlockType[]

describe('block registries', () => {
  it('the format converts every block type, each under its own name', () => {
    expect(Object.keys(BLOCK_CONVERTERS).sort()).toEqual([...BLOCK_TYPES].sort())
    for (const [type, converter] of Object.entries(BLOCK_CONVERTERS)) expect(converter.type).toBe(type)
    expect(BLOCKS.map((converter) => converter.type).sort()).toEqual([...BLOCK_TYPES].sort())
  })

  it('the HTML pipeline renders every directive the format reads', () => {
    const directives = BLOCKS.flatMap((converter) => converter.reads).flatMap((key) => /Directive:(.+)$/.exec(key)?.[1] ?? [])
    expect(directives.length).toBeGreaterThan(0)
    for (const name of directives) expect(Object.keys(CRITIC_DIRECTIVES)).toContain(name)
  })

  it('the editor has nodes for every block type', async () => {
    const nodes = await fromRenderer('nodes/index', 'BLOCK_NODES')
    expect(Object.keys(nodes as object).sort()).toEqual([...BLOCK_TYPES].sort())
  })

  it('the Insert menu offers every critic block', async () => {
    const insertables = (await fromRenderer('plugins/insertables', 'INSERTABLES')) as Array<{ id: string }>
    expect(insertables.map((item) => item.id).sort()).toEqual([...CRITIC_BLOCK_TYPES].sort())
  })
})
