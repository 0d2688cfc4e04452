/**
 * Reopening a review (parseCache.ts): an unchanged file is not parsed again, and any change to its
 * bytes — a save, another program's edit, the same length rewritten — is read from the file, its
 * changed blocks only where they can be read apart, as the whole file reads.
 */
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedReview } from '../../../src/shared/contract'
import { documentText } from '../../../src/shared/document'
import { parseReview, type ParsedReview } from '../../../src/main/services/format'
import type { MetaFallback } from '../../../src/main/services/format/meta'
import { Library } from '../../../src/main/services/library/library'
import { ReviewReader } from '../../../src/main/services/library/reader'
import { stateDirOf } from '../../support/machineState'
import { reviewBody } from './reviewBody'

/** The real reader, counting the files it parses. */
class CountingReader extends ReviewReader {
  parses = 0
  override open(file: Uint8Array, fallback: MetaFallback): Promise<ParsedReview> {
    this.parses++
    return super.open(file, fallback)
  }
}

const reader = new CountingReader({ threads: 1 })
let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verdict-parse-cache-'))
  reader.parses = 0
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
  await rm(stateDirOf(root), { recursive: true, force: true })
})
afterAll(() => reader.close())

const library = () => new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic', reader })
const reviewFile = () => join(root, 'heat', 'review.md')
const file = (body: string) => `---\ntitle: Heat\nstatus: draft\n---\n\n${body}\n`

function editable(opened: OpenedReview): Extract<OpenedReview, { kind: 'editable' }> {
  if (opened.kind !== 'editable') throw new Error(`opened ${opened.kind}: ${opened.reason}`)
  return opened
}

async function writeReview(text: string): Promise<void> {
  await mkdir(join(root, 'heat'), { recursive: true })
  await writeFile(reviewFile(), text)
}

describe('Reopening a review', () => {
  it('parses an unchanged file once and gives the same review again', async () => {
    await writeReview(file(reviewBody(1, 40)))
    const lib = library()
    const first = editable(await lib.open('heat'))
    const second = editable(await lib.open('heat'))
    expect(reader.parses).toBe(1)
    expect(second.hash).toBe(first.hash)
    expect(second.doc).toEqual(first.doc)
    expect(second.meta).toEqual(first.meta)
    // Each opening is a base of its own for the editor's delta saves.
    expect(second.base).not.toBe(first.base)
  })

  /** The file on disk parsed whole, as the reader thread would. */
  const parsedWhole = async () => parseReview(await readFile(reviewFile()), library().fallbackOf('heat', await stat(reviewFile())))

  it('reads a file changed by another program, even to the same length and time, its changed block only', async () => {
    await writeReview(file(`${reviewBody(1, 40)}\n\nA masterpiece of tension.\n\n${reviewBody(2, 40)}`))
    const lib = library()
    const before = editable(await lib.open('heat'))
    const { mtime } = await stat(reviewFile())
    await writeReview(file(`${reviewBody(1, 40)}\n\nA masterpiece of tensiom.\n\n${reviewBody(2, 40)}`))
    await utimes(reviewFile(), mtime, mtime)
    const after = editable(await lib.open('heat'))
    expect(reader.parses).toBe(1)
    expect(after.hash).not.toBe(before.hash)
    expect(documentText(after.doc)).toContain('tensiom')
    const whole = await parsedWhole()
    expect(after.doc).toEqual(whole.doc)
    expect(after.warnings).toEqual(whole.warnings)
    expect(after.meta).toEqual(whole.meta)
  })

  it('parses a changed file whole where its blocks cannot be read apart', async () => {
    await writeReview(file('See [the film][f].\n\nA masterpiece of tension.'))
    const lib = library()
    editable(await lib.open('heat'))
    await writeReview(file('See [the film][f].\n\nA masterpiece of tension.\n\n[f]: https://example.com/heat'))
    const after = editable(await lib.open('heat'))
    expect(reader.parses).toBe(2)
    expect(after.doc).toEqual((await parsedWhole()).doc)
  })

  it('reopens a saved review unparsed, as the file the save wrote reads', async () => {
    await writeReview(file('First words.\n\n* Kept as *written*.'))
    const lib = library()
    const opened = editable(await lib.open('heat'))
    const text = { type: 'text' as const, text: 'Second words.', format: 0 }
    const doc = { root: { type: 'root' as const, children: [{ type: 'paragraph' as const, children: [text] }, opened.doc.root.children[1]!] } }
    const saved = await lib.save('heat', opened.meta, doc, opened.hash)
    const reopened = editable(await lib.open('heat'))
    expect(reader.parses).toBe(1)
    expect(reopened.hash).toBe(saved.hash)
    expect(documentText(reopened.doc)).toContain('Second words.')
    const whole = await parsedWhole()
    expect(reopened.doc).toEqual(whole.doc)
    expect(reopened.meta).toEqual(whole.meta)
  })

  it('keeps another review parsed through many saves of the one open', async () => {
    await mkdir(join(root, 'alien'), { recursive: true })
    await writeFile(join(root, 'alien', 'review.md'), '---\ntitle: Alien\nstatus: draft\n---\n\nIn space.\n')
    await writeReview(file('First words.'))
    const lib = library()
    editable(await lib.open('alien'))
    let opened = editable(await lib.open('heat'))
    for (let save = 1; save <= 5; save++) {
      const text = { type: 'text' as const, text: `Words, version ${save}.`, format: 0 }
      const doc = { root: { type: 'root' as const, children: [{ type: 'paragraph' as const, children: [text] }] } }
      const saved = await lib.save('heat', opened.meta, doc, opened.hash)
      opened = { ...opened, hash: saved.hash }
    }
    expect(documentText(editable(await lib.open('alien')).doc)).toContain('In space.')
    expect(documentText(editable(await lib.open('heat')).doc)).toContain('version 5')
    expect(reader.parses).toBe(2)
  })

  it('does not keep a file it could not read', async () => {
    await writeReview('---\ntitle: [unclosed\n---\n\nText.\n')
    const lib = library()
    expect((await lib.open('heat')).kind).toBe('read-only')
    expect((await lib.open('heat')).kind).toBe('read-only')
    expect(reader.parses).toBe(2)
  })
})

describe('Opening a long review main has not read in parts', () => {
  it('sends its first blocks at once and the rest once read, together the review read whole', async () => {
    await writeReview(file(reviewBody(3, 400)))
    const lib = library()
    const part = await lib.openInParts('heat')
    if (part.kind !== 'first-part') throw new Error(`opened ${part.kind}`)
    const rest = await lib.openRest(part.rest)
    if (rest.kind !== 'rest') throw new Error(`the rest came ${rest.kind}`)
    const whole = parseReview(await readFile(reviewFile()), await lib.fallbackOf('heat', await stat(reviewFile())))
    expect(part.meta).toEqual(whole.meta)
    expect(part.doc.root.children.length).toBeGreaterThan(3)
    expect(rest.blocks.length).toBeGreaterThan(part.doc.root.children.length)
    expect([...part.doc.root.children, ...rest.blocks]).toEqual(whole.doc.root.children)
    expect(rest.warnings).toEqual(whole.warnings)
    // The rest is asked for once; the whole is now main's, and a save can build on its base.
    await expect(lib.openRest(part.rest)).rejects.toThrow(/no longer waiting/)
    expect(reader.parses).toBe(1)
    const again = await lib.openInParts('heat')
    expect(again.kind).toBe('editable')
    const doc = { root: { type: 'root' as const, children: [...part.doc.root.children, ...rest.blocks] } }
    expect(lib.bases.resolve({ base: rest.base, blocks: [[0, doc.root.children.length]] })).toEqual(doc)
  })

  it('sizes the first part to the characters the window shows, down to a floor', async () => {
    await writeReview(file(reviewBody(3, 400)))
    const partOf = async (screenChars?: number) => {
      const part = await library().openInParts('heat', screenChars)
      if (part.kind !== 'first-part') throw new Error(`opened ${part.kind}`)
      return { blocks: part.doc.root.children, text: documentText(part.doc).length }
    }
    const usual = await partOf()
    const small = await partOf(2500)
    const tiny = await partOf(10)
    // Each covers what it was asked for: characters of Markdown, of which these bodies' links and
    // emphasis marks are about a fifth.
    expect(usual.text).toBeGreaterThanOrEqual(6000 * 0.7)
    expect(small.text).toBeGreaterThanOrEqual(2500 * 0.7)
    expect(small.blocks.length).toBeLessThan(usual.blocks.length)
    expect(usual.blocks.slice(0, small.blocks.length)).toEqual(small.blocks)
    expect(tiny.text).toBeGreaterThanOrEqual(1500 * 0.7)
    expect(tiny.blocks.length).toBeLessThan(small.blocks.length)
  })

  it('opens a short review, and one whose links are defined by name, whole', async () => {
    await writeReview(file(reviewBody(3, 10)))
    expect((await library().openInParts('heat')).kind).toBe('editable')
    await writeReview(file(`${reviewBody(3, 400)}\n\n[a]: https://example.com`))
    expect((await library().openInParts('heat')).kind).toBe('editable')
  })
})
