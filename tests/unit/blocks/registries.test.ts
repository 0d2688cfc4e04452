/**
 * The places that must know every block (docs/extending.md): the critic blocks are the folders of
 * src/blocks, registered once in main (src/main/blocks) and once in the editor; both registries are
 * typed `Record<CriticBlockType, …>`, so tsc names a block left out. This test catches the same at
 * run time, from the folders themselves, and checks what the rest derives from the registries.
 */
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Klass, LexicalNode } from 'lexical'
import { describe, expect, it } from 'vitest'
import { CORE_BLOCK_TYPES } from '../../../src/shared/document'
import { CRITIC_BLOCKS, MAIN_BLOCKS } from '../../../src/main/blocks'
import { BLOCKS } from '../../../src/main/services/format/markdownBlocks'
import { CRITIC_DIRECTIVES } from '../../../src/main/services/pipeline/directives'
import { PIPELINE_CLASS } from '../../../src/main/services/pipeline/sanitize'

/** Renderer modules, loaded by a path the type checker does not follow (they belong to the DOM-typed program). */
async function fromRenderer(path: string, name: string): Promise<unknown> {
  const module = (await import(/* @vite-ignore */ `../../../src/renderer/src/editor/${path}`)) as Record<string, unknown>
  return module[name]
}

const FOLDERS = readdirSync(resolve(import.meta.dirname, '../../../src/blocks'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
const ALL_TYPES = [...CORE_BLOCK_TYPES, ...FOLDERS].sort()

interface RendererBlock {
  model: unknown
  nodes: Array<Klass<LexicalNode>>
  insert: { label: string }
}

describe('block registries', () => {
  it('main registers every block folder, each under its own type', () => {
    expect(FOLDERS.length).toBeGreaterThan(0)
    expect(Object.keys(MAIN_BLOCKS).sort()).toEqual(FOLDERS)
    for (const [type, block] of Object.entries(MAIN_BLOCKS)) {
      expect(block.model.type).toBe(type)
      expect(block.markdown.type).toBe(type)
    }
    const orders = CRITIC_BLOCKS.map((block) => block.model.insert.order)
    expect(new Set(orders).size).toBe(orders.length)
  })

  it('the format converts every block type, each once', () => {
    expect(BLOCKS.map((converter) => converter.type).sort()).toEqual(ALL_TYPES)
  })

  it('the HTML pipeline renders every directive the format reads, and the sanitiser keeps their classes', () => {
    const directives = BLOCKS.flatMap((converter) => converter.reads).flatMap((key) => /Directive:(.+)$/.exec(key)?.[1] ?? [])
    expect(directives.length).toBeGreaterThan(0)
    for (const name of directives) expect(Object.keys(CRITIC_DIRECTIVES)).toContain(name)
    for (const directive of Object.values(CRITIC_DIRECTIVES)) for (const root of directive.classes) expect(PIPELINE_CLASS.test(`${root}-x`)).toBe(true)
  })

  it('the editor registers every block folder with the model main has, and its nodes', async () => {
    const blocks = (await fromRenderer('criticBlocks', 'EDITOR_BLOCKS')) as Record<string, RendererBlock>
    expect(Object.keys(blocks).sort()).toEqual(FOLDERS)
    for (const [type, block] of Object.entries(blocks)) {
      expect(block.model).toBe(MAIN_BLOCKS[type as keyof typeof MAIN_BLOCKS].model)
      expect(block.nodes[0]?.getType()).toBe(type)
    }
    const nodes = (await fromRenderer('nodes/index', 'EDITOR_NODES')) as Array<Klass<LexicalNode>>
    const types = new Set(nodes.map((node) => node.getType()))
    for (const type of ALL_TYPES) if (type !== 'paragraph') expect(types).toContain(type) // Lexical has the paragraph built in.
  })

  it('the Insert menu offers every critic block, in the order main lists them', async () => {
    const insertables = (await fromRenderer('plugins/insertables', 'INSERTABLES')) as Array<{ id: string }>
    expect(insertables.map((item) => item.id)).toEqual(CRITIC_BLOCKS.map((block) => block.model.type))
  })
})
