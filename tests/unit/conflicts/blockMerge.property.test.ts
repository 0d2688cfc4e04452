/**
 * The merge never drops a one-sided change: random edits (change, remove, add after) on two sides
 * of one base, each base block touched by one side at most, merge with no conflict into exactly
 * the blocks both edit scripts give together.
 * Reproduce a failure with the seed fast-check prints: FC_SEED=… npx vitest run tests/unit/conflicts
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergeBodies, mergedBody } from '../../../src/main/services/conflicts/blockMerge'
import { readSourceBlocks } from '../../../src/main/services/format/markdown'
import { fcOptions } from '../format/arbitraries'

type Action = 'keep' | 'change' | 'remove' | 'add' | 'change-and-add'
interface Touch {
  owner: 'ours' | 'theirs'
  action: Action
}

/**
 * A block's Markdown, unique by its id: a paragraph, heading, quote or list (`marker`). Lists next
 * to each other would read as one, so each list's marker differs from the list before it, lists are
 * never removed (their neighbours may be) and added blocks are never lists.
 */
const blockText = (kind: number, id: string, marker = '-'): string =>
  [`Paragraph ${id} of the review.`, `## Heading ${id}`, `> Quoted ${id}`, `${marker} item ${id}\n${marker} second ${id}`][kind % 4]!

const scenario = fc.record({
  kinds: fc.array(fc.nat(3), { minLength: 1, maxLength: 14 }),
  touches: fc.array(fc.record({ owner: fc.constantFrom('ours' as const, 'theirs' as const), action: fc.constantFrom<Action>('keep', 'change', 'remove', 'add', 'change-and-add') }), { minLength: 14, maxLength: 14 }),
  gaps: fc.array(fc.constantFrom('\n\n', '\n\n\n', '\n \n'), { minLength: 14, maxLength: 14 }),
})

/** One side's text: its own touches applied; the expected merge applies both. */
function apply(kinds: number[], touches: Touch[], sides: ReadonlySet<string>): string[] {
  const markers = kinds.map((_, index) => (kinds.slice(0, index).filter((kind) => kind === 3).length % 2 ? '*' : '-'))
  return kinds.flatMap((kind, index) => {
    const touch = touches[index]!
    const mine = sides.has(touch.owner) && !(kind === 3 && touch.action === 'remove')
    const original = blockText(kind, `b${index}`, markers[index])
    const changed = blockText(kind, `b${index}-${touch.owner}`, markers[index])
    const added = blockText((kind + 1) % 3, `n${index}-${touch.owner}`)
    if (!mine) return [original]
    switch (touch.action) {
      case 'keep':
        return [original]
      case 'change':
        return [changed]
      case 'remove':
        return []
      case 'add':
        return [original, added]
      case 'change-and-add':
        return [changed, added]
    }
  })
}

const join = (blocks: string[], gaps: string[]): string => `${blocks.map((block, index) => (index ? gaps[index % gaps.length]! : '') + block).join('')}\n`
const keys = (markdown: string): string[] => readSourceBlocks(markdown).blocks.map(({ block }) => JSON.stringify(block))

describe('block merge (property)', () => {
  it('keeps every one-sided change, with no conflict', () => {
    fc.assert(
      fc.property(scenario, ({ kinds, touches, gaps }) => {
        const text = (sides: string[]) => join(apply(kinds, touches, new Set(sides)), gaps)
        const [base, ours, theirs, both] = [text([]), text(['ours']), text(['theirs']), text(['ours', 'theirs'])]
        const merge = mergeBodies(readSourceBlocks(base), readSourceBlocks(ours), readSourceBlocks(theirs))
        expect(merge.regions.filter((region) => region.kind === 'conflict')).toEqual([])
        const merged = mergedBody(merge, [])
        expect(keys(merged)).toEqual(keys(both))
        // Nobody changed anything: the body is ours, byte for byte.
        if (ours === theirs) expect(merged).toBe(ours)
      }),
      fcOptions(40),
    )
  })
})
