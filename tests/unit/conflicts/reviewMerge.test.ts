import { describe, expect, it } from 'vitest'
import { mergeBodies, mergedBody, runsMarkdown } from '../../../src/main/services/conflicts/blockMerge'
import { mergedReview, mergeReviews } from '../../../src/main/services/conflicts/reviewMerge'
import { readSourceBlocks } from '../../../src/main/services/format/markdown'

const file = (front: string, body: string): Buffer => Buffer.from(`---\n${front}---\n\n${body}`)
const blocks = (markdown: string) => readSourceBlocks(markdown)
const conflicts = (merge: ReturnType<typeof mergeBodies>) =>
  merge.regions.flatMap((region) => (region.kind === 'conflict' ? [{ ours: runsMarkdown(region.ours), theirs: runsMarkdown(region.theirs) }] : []))

const BASE = 'One.\n\nTwo.\n\nThree.\n\nFour.\n'

describe('block merge', () => {
  it('takes changes to neighbouring blocks from each side, keeping each side’s bytes', () => {
    const ours = 'One, *rewritten*.\n\nTwo.\n\nThree.\n\nFour.\n'
    const theirs = 'One.\n\nTwo, _also_ rewritten.\n\nThree.\n\n\n\nFour.\n'
    const merge = mergeBodies(blocks(BASE), blocks(ours), blocks(theirs))
    expect(conflicts(merge)).toEqual([])
    // Theirs' underscores stay, and so does ours' gap before Four.
    expect(mergedBody(merge, [])).toBe('One, *rewritten*.\n\nTwo, _also_ rewritten.\n\nThree.\n\nFour.\n')
  })

  it('takes a removal and an addition from different sides, and a change both made once', () => {
    const ours = 'One.\n\nThree.\n\nFour, fixed.\n'
    const theirs = 'One.\n\nTwo.\n\nThree.\n\nAdded.\n\nFour, fixed.\n'
    expect(mergedBody(mergeBodies(blocks(BASE), blocks(ours), blocks(theirs)), [])).toBe('One.\n\nThree.\n\nAdded.\n\nFour, fixed.\n')
  })

  it('asks about a block changed differently on both sides, and writes the pick', () => {
    const merge = mergeBodies(blocks(BASE), blocks('One.\n\nTwo, ours.\n\nThree.\n\nFour!\n'), blocks('One.\n\nTwo, theirs.\n\nThree.\n\nFour.\n'))
    expect(conflicts(merge)).toEqual([{ ours: 'Two, ours.', theirs: 'Two, theirs.' }])
    expect(mergedBody(merge, ['theirs'])).toBe('One.\n\nTwo, theirs.\n\nThree.\n\nFour!\n')
    expect(mergedBody(merge, ['ours'])).toBe('One.\n\nTwo, ours.\n\nThree.\n\nFour!\n')
    expect(mergedBody(merge, [{ markdown: 'Two, both.\n\n## And a heading' }])).toBe('One.\n\nTwo, both.\n\n## And a heading\n\nThree.\n\nFour!\n')
    expect(() => mergedBody(merge, [])).toThrow('1 conflicts need as many picks, not 0.')
  })

  it('without a base, keeps what both share and every block only one side has', () => {
    const merge = mergeBodies(undefined, blocks('One.\n\nOurs only.\n\nThree.\n'), blocks('One.\n\nThree.\n\nTheirs only.\n'))
    expect(conflicts(merge)).toEqual([])
    expect(mergedBody(merge, [])).toBe('One.\n\nOurs only.\n\nThree.\n\nTheirs only.\n')
  })

  it('asks instead of taking a change back to a block of an older version', () => {
    const older = blocks('One, as it was a week ago.\n')
    const suspect = new Set(older.blocks.map(({ block }) => JSON.stringify(block)))
    const merge = mergeBodies(blocks('One.\n\nTwo.\n'), blocks('One.\n\nTwo, ours.\n'), blocks('One, as it was a week ago.\n\nTwo.\n'), suspect)
    expect(conflicts(merge)).toEqual([{ ours: 'One.', theirs: 'One, as it was a week ago.' }])
  })

  it('keeps two lists of one kind apart where the picks bring them together', () => {
    const merge = mergeBodies(blocks('- a\n\nText.\n\n- b\n'), blocks('- a\n\nText.\n\n- b\n'), blocks('- a\n\n* b\n'))
    const merged = mergedBody(merge, [])
    expect(readSourceBlocks(merged).blocks.map(({ block }) => block.type)).toEqual(['list', 'list'])
  })
})

describe('review merge', () => {
  const base = file('title: Dune\ntags: [film]\nrating: 3\nupdated: 2026-12-01T10:00:00.000Z\n', BASE)

  it('merges the front matter key by key and asks about keys changed on both sides', () => {
    const ours = file('title: Dune\n# the critic’s note\ntags: [film, sf]\nrating: 4\nupdated: 2026-12-06T10:00:00.000Z\n', BASE)
    const theirs = file('title: "Dune: Part One"\ntags: [film]\nrating: 5\nupdated: 2026-12-06T11:00:00.000Z\nmood: grand\n', BASE)
    const merge = mergeReviews(base, ours, theirs)
    expect(merge.conflicts).toEqual([{ key: 'rating', ours: 4, theirs: 5 }])
    const text = mergedReview(merge, { body: [], keys: { rating: 'theirs' } }, '2026-12-07T08:00:00.000Z')
    expect(text).toBe(
      `---\ntitle: "Dune: Part One"\n# the critic’s note\ntags: [film, sf]\nrating: 5\nupdated: 2026-12-07T08:00:00.000Z\nmood: grand\n---\n\n${BASE}`,
    )
    expect(() => mergedReview(merge, { body: [], keys: {} }, '2026-12-07T08:00:00.000Z')).toThrow('rating')
  })

  it('keeps ours’ line endings', () => {
    const crlf = (text: Buffer) => Buffer.from(text.toString().replaceAll('\n', '\r\n'))
    const ours = crlf(file('title: Dune\n', 'One.\n\nTwo, ours.\n'))
    const theirs = file('title: Dune\n', 'One, theirs.\n\nTwo.\n')
    const merged = mergedReview(mergeReviews(file('title: Dune\n', 'One.\n\nTwo.\n'), ours, theirs), { body: [], keys: {} }, 'now')
    expect(merged).toBe('---\r\ntitle: Dune\r\n---\r\n\r\nOne, theirs.\r\n\r\nTwo, ours.\r\n')
  })
})
