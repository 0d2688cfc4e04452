/**
 * Block-delta saves (shared/delta.ts) write exactly what whole-document saves write: a review
 * opened from a real file into a headless editor with the app's nodes, edited at random, saved by
 * the renderer's saver as deltas to one library and whole to a copy gives byte-identical files
 * after every save. And the protocol's failures cost nothing: a base main no longer holds is
 * answered with STALE_BASE and the text is sent whole, a delta naming blocks that do not exist is
 * refused without writing, a file changed elsewhere is a conflict as before, and a journaled delta
 * is kept as the whole text.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { $createLinkNode } from '@lexical/link'
import { $createHeadingNode } from '@lexical/rich-text'
import fc from 'fast-check'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  HISTORIC_TAG,
  type EditorState,
  type LexicalNode,
  type SerializedEditorState,
  type TextNode,
  type UpdateListenerPayload,
} from 'lexical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VerdictError, type Args, type OpenedReview, type Result } from '../../../src/shared/contract'
import { isDelta, type DocumentDelta } from '../../../src/shared/delta'
import type { EditorDocument } from '../../../src/shared/document'
import type { ReviewMeta } from '../../../src/shared/model'
import { documentToMarkdown, normalizeDocument } from '../../../src/main/services/format'
import { Library, REVIEW_FILE } from '../../../src/main/services/library/library'
import { RecoveryJournal } from '../../../src/main/services/recovery/journal'
import { documentArb, fcOptions } from '../format/arbitraries'
import { createTestEditor } from '../format/headlessEditor'
import { stateDirOf } from '../../support/machineState'
import { slow } from '../../support/slow'

interface Source {
  toJSON(): unknown
  openedIndexOf?(block: object): number | undefined
}
interface Saver {
  change(patch: { doc?: Source; meta?: ReviewMeta }): void
  flush(): Promise<void>
  saveOrJournal(): Promise<void>
  latest(): { meta: ReviewMeta; doc: EditorDocument }
  dispose(): void
}
interface Serializer {
  follow(update: UpdateListenerPayload): void
  toJSON(state: EditorState): SerializedEditorState
  openedIndexOf(block: object): number | undefined
}
// Renderer modules, loaded by a path the type checker does not follow (see format/lexical.test.ts).
const { ReviewSaver } = (await import(/* @vite-ignore */ `../../../src/renderer/src/review/${'saver'}`)) as {
  ReviewSaver: new (options: Record<string, unknown>) => Saver
}
const { IncrementalSerializer } = (await import(/* @vite-ignore */ `../../../src/renderer/src/editor/${'serialize'}`)) as {
  IncrementalSerializer: new (state: EditorState, opened?: EditorDocument) => Serializer
}

const ID = 'review'
const NOW = new Date('2026-12-07T05:00:00.000Z')
const FRONT = '---\ntitle: Heat   # as on the poster\ntags: [crime]\nupdated: 2026-11-25T10:40:00.000Z\n---\n\n'

let dir: string
const libraries: Library[] = []
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'verdict-delta-'))))
afterAll(async () => {
  // The libraries write their index and search files in the background: those land first.
  for (const library of libraries) await Promise.all([library.flushIndex(), library.flushSearch()])
  await rm(dir, { recursive: true, force: true })
})

/** A library holding one review with this text. */
async function libraryWith(text: string): Promise<Library> {
  const root = join(dir, `library-${libraries.length}`)
  await mkdir(join(root, ID), { recursive: true })
  await writeFile(join(root, ID, REVIEW_FILE), text)
  const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic', now: () => NOW })
  libraries.push(library)
  return library
}

const fileOf = (library: Library) => readFile(join(library.root, ID, REVIEW_FILE), 'utf8')

async function openEditable(library: Library): Promise<Extract<OpenedReview, { kind: 'editable' }>> {
  const opened = await library.open(ID)
  if (opened.kind !== 'editable') throw new Error(`opened read-only: ${opened.reason}`)
  return opened
}

/** What the route does with a save (main/routes.ts): the delta resolved on the library's bases, then saved. */
const saveThrough = (library: Library) => async (args: Args<'saveReview'>) =>
  library.save(args.id, args.meta, library.bases.resolve(args.doc), args.baseHash)

/**
 * The review `text` opened in `library` into a headless editor, with the serializer following it
 * and the renderer's saver saving through `save` (every payload sent is kept in `sent`).
 */
async function session(library: Library, save = saveThrough(library), journal?: (args: Args<'journalDraft'>) => Promise<void>) {
  const opened = await openEditable(library)
  const editor = createTestEditor()
  editor.setEditorState(editor.parseEditorState(opened.doc as unknown as SerializedEditorState))
  const serializer = new IncrementalSerializer(editor.getEditorState(), opened.doc)
  editor.registerUpdateListener((update) => serializer.follow(update))
  const sent: Array<EditorDocument | DocumentDelta> = []
  const saver = new ReviewSaver({
    id: ID,
    baseHash: opened.hash,
    base: opened.base,
    initial: { meta: opened.meta, doc: { toJSON: () => opened.doc } },
    save: (args: Args<'saveReview'>): Promise<Result<'saveReview'>> => {
      sent.push(args.doc)
      return save(args)
    },
    journal,
    onState: () => undefined,
    delay: 60_000,
  })
  /** Hands the editor's newest state to the saver, as AutosavePlugin does. */
  const changed = () => {
    const state = editor.getEditorState()
    saver.change({ doc: { toJSON: () => serializer.toJSON(state), openedIndexOf: (block) => serializer.openedIndexOf(block) } })
  }
  return { opened, editor, saver, sent, changed }
}

type Edit =
  | { kind: 'type' | 'bold' | 'wrap-link' | 'new-block' | 'remove-block' | 'move-block' | 'heading'; at: number }
  | { kind: 'undo' | 'save' }

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('type', 'bold', 'wrap-link', 'new-block', 'remove-block', 'move-block', 'heading'), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('undo', 'save') }),
) as fc.Arbitrary<Edit>

/** Every text node of the document, in order. */
function $texts(): TextNode[] {
  const out: TextNode[] = []
  const walk = (node: LexicalNode): void => {
    if ($isTextNode(node)) out.push(node)
    if ($isElementNode(node)) node.getChildren().forEach(walk)
  }
  $getRoot().getChildren().forEach(walk)
  return out
}

function $edit(edit: Extract<Edit, { at: number }>): void {
  const root = $getRoot()
  const blocks = root.getChildren()
  const texts = $texts()
  const block = blocks[edit.at % Math.max(1, blocks.length)]
  const text = texts[edit.at % Math.max(1, texts.length)]
  if (edit.kind === 'type' && text) text.setTextContent(`${text.getTextContent()} and more`)
  else if (edit.kind === 'bold' && text) text.toggleFormat('bold')
  else if (edit.kind === 'wrap-link' && text && text.getParent()?.getType() === 'paragraph') text.replace($createLinkNode('https://example.org').append($createTextNode(text.getTextContent() || 'x')))
  else if (edit.kind === 'new-block') (block ?? root).insertAfter?.($createParagraphNode().append($createTextNode('A new paragraph.')))
  else if (edit.kind === 'remove-block' && block && blocks.length > 1) block.remove()
  else if (edit.kind === 'move-block' && block) root.append(block)
  else if (edit.kind === 'heading' && block?.getType() === 'paragraph' && $isElementNode(block)) block.replace($createHeadingNode('h3'), true)
}

describe('delta saves', () => {
  it('write the same bytes as whole-document saves, after every save of random edits', { timeout: slow(300_000) }, async () => {
    let deltas = 0
    await fc.assert(
      fc.asyncProperty(documentArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), async (written, edits) => {
        const text = FRONT + documentToMarkdown(written)
        const [byDelta, whole] = [await libraryWith(text), await libraryWith(text)]
        const { opened, editor, saver, sent, changed } = await session(byDelta)
        let wholeHash = opened.hash
        const history: EditorState[] = [editor.getEditorState()]
        const save = async () => {
          changed()
          await saver.flush()
          const { meta, doc } = saver.latest()
          wholeHash = (await whole.save(ID, meta, doc, wholeHash)).hash
          expect(await fileOf(byDelta)).toBe(await fileOf(whole))
        }
        for (const edit of [...edits, { kind: 'save' } as const]) {
          if (edit.kind === 'save') await save()
          else if (edit.kind === 'undo') editor.setEditorState(history[Math.floor(history.length / 2)]!, { tag: HISTORIC_TAG })
          else if ('at' in edit) {
            editor.update(() => $edit(edit), { discrete: true })
            history.push(editor.getEditorState())
          }
        }
        deltas += sent.filter(isDelta).length
        saver.dispose()
      }),
      fcOptions(15),
    )
    // Not every save above could name kept blocks (an empty document, an undo), but most did.
    expect(deltas).toBeGreaterThan(8)
  })

  it('send only the block typed in, and name the others', async () => {
    const paragraphs = Array.from({ length: 200 }, (_, index) => `Paragraph ${index} of a long review, with *some* words.`)
    const library = await libraryWith(FRONT + paragraphs.join('\n\n') + '\n')
    const { editor, saver, sent, changed } = await session(library)
    const typeInto = (index: number) =>
      editor.update(() => {
        const text = $texts()[index * 3 + 2]!
        text.setTextContent(`${text.getTextContent()} typed`)
      }, { discrete: true })
    typeInto(120)
    changed()
    await saver.flush()
    typeInto(40)
    changed()
    await saver.flush()
    // The first save is on the opened document, the second on the first save's.
    expect(sent).toHaveLength(2)
    for (const [doc, at] of [[sent[0]!, 120], [sent[1]!, 40]] as const) {
      if (!isDelta(doc)) throw new Error('a whole document was sent')
      expect(doc.blocks).toEqual([[0, at], expect.objectContaining({ type: 'paragraph' }), [at + 1, 200]])
    }
    const file = await fileOf(library)
    expect(file).toContain('Paragraph 40 of a long review, with *some* words. typed\n\nParagraph 41')
    expect(file).toContain('Paragraph 120 of a long review, with *some* words. typed\n\nParagraph 121')
    expect(file.replace(/ typed/g, '').replace(/updated: .*/, '')).toBe((FRONT + paragraphs.join('\n\n') + '\n').replace(/updated: .*/, ''))
  })

  it('send the whole document when main no longer holds the base, and deltas again after', async () => {
    const text = `${FRONT}First paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n`
    const library = await libraryWith(text)
    const { editor, saver, sent, changed } = await session(library)
    // Other reviews opened meanwhile push this editor's base out of what main holds.
    for (let other = 0; other < 8; other++) library.bases.hold({ root: { type: 'root', children: [] } })
    editor.update(() => $texts()[1]!.setTextContent('Second paragraph, edited.'), { discrete: true })
    changed()
    await saver.flush()
    expect(sent.map((doc) => (isDelta(doc) ? 'delta' : 'whole'))).toEqual(['delta', 'whole'])
    expect(await fileOf(library)).toBe(`${FRONT.replace(/updated: .*/, `updated: ${NOW.toISOString()}`)}First paragraph.\n\nSecond paragraph, edited.\n\nThird paragraph.\n`)
    editor.update(() => $texts()[2]!.setTextContent('Third paragraph, edited.'), { discrete: true })
    changed()
    await saver.flush()
    expect(isDelta(sent[2]!)).toBe(true)
    expect(await fileOf(library)).toContain('Second paragraph, edited.\n\nThird paragraph, edited.\n')
  })

  it('refuse a delta naming blocks the base does not have, writing nothing', async () => {
    const text = `${FRONT}Only paragraph.\n`
    const library = await libraryWith(text)
    const opened = await openEditable(library)
    const delta: DocumentDelta = { base: opened.base, blocks: [[0, 2]] }
    await expect(saveThrough(library)({ id: ID, meta: opened.meta, doc: delta, baseHash: opened.hash })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    await expect(saveThrough(library)({ id: ID, meta: opened.meta, doc: { base: crypto.randomUUID(), blocks: [] }, baseHash: opened.hash })).rejects.toMatchObject({
      code: 'STALE_BASE',
    })
    expect(await fileOf(library)).toBe(text)
  })

  it('are refused as before when the file changed elsewhere, and the text changed there stays', async () => {
    const library = await libraryWith(`${FRONT}A paragraph.\n\nAnother.\n`)
    const { editor, saver, changed } = await session(library)
    const outside = `${FRONT}Changed in another program.\n`
    await writeFile(join(library.root, ID, REVIEW_FILE), outside)
    editor.update(() => $texts()[0]!.setTextContent('A paragraph, edited.'), { discrete: true })
    changed()
    const failed = await saver.flush().catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(VerdictError)
    expect((failed as VerdictError).code).toBe('CONFLICT')
    expect(await fileOf(library)).toBe(outside)
  })

  it('journal a delta as the whole text, when the save fails', async () => {
    const library = await libraryWith(`${FRONT}A paragraph.\n\nAnother.\n`)
    const journal = new RecoveryJournal({ libraries: { current: () => library } })
    const journaled: Array<EditorDocument | DocumentDelta> = []
    const { editor, saver, changed } = await session(
      library,
      () => Promise.reject(new VerdictError('IO', 'the disk is full')),
      (args) => {
        journaled.push(args.doc)
        return journal.journal(args.id, { meta: args.meta, doc: library.bases.resolve(args.doc), baseHash: args.baseHash })
      },
    )
    editor.update(() => $texts()[1]!.setTextContent('Another, edited.'), { discrete: true })
    changed()
    await saver.saveOrJournal()
    expect(journaled.map(isDelta)).toEqual([true])
    const draft = await journal.read(ID)
    expect(normalizeDocument(draft.doc)).toEqual(normalizeDocument(saver.latest().doc))
    expect(documentToMarkdown(draft.doc)).toBe('A paragraph.\n\nAnother, edited.\n')
    saver.dispose()
  })
})
