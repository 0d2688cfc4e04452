/**
 * Opening a long review (opening.ts): the first screen's blocks first, the rest appended in idle
 * slices or at once when asked; every serialization meanwhile is the whole review (so a save never
 * writes part of it), the appended blocks are known as the opened ones (a delta save sends none of
 * them), and building is no step of the undo history.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { createEmptyHistoryState, registerHistory } from '@lexical/history'
import { LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { $createTextNode, $getRoot, UNDO_COMMAND, type EditorState, type ParagraphNode, type LexicalEditor, type SerializedEditorState, type UpdateListenerPayload } from 'lexical'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BlockJSON, EditorDocument } from '../../../src/shared/document'

interface Serializer {
  follow(update: UpdateListenerPayload): void
  toJSON(state: EditorState): SerializedEditorState
  openedIndexOf(block: object): number | undefined
}
interface Opening {
  firstScreen(doc: EditorDocument, screen: number): { state: SerializedEditorState; rest: readonly BlockJSON[] }
  buildRest(editor: LexicalEditor, rest: readonly BlockJSON[], arriving?: Promise<readonly BlockJSON[] | undefined>): void
  unbuiltBlocks(editor: LexicalEditor): readonly BlockJSON[]
  completeDocument(editor: LexicalEditor): boolean
  whenWhole(editor: LexicalEditor): Promise<void>
}
// Renderer modules, loaded by a path the type checker does not follow (see format/lexical.test.ts).
const renderer = (name: string) => import(/* @vite-ignore */ `../../../src/renderer/src/editor/${name}`)
const { IncrementalSerializer } = (await renderer('serialize')) as {
  IncrementalSerializer: new (state: EditorState, opened?: EditorDocument, unbuilt?: () => readonly BlockJSON[]) => Serializer
}
const { firstScreen, buildRest, unbuiltBlocks, completeDocument, whenWhole } = (await renderer('opening')) as Opening

// Node has no idle callbacks: the test runs the pending ones, one idle period at a time (idleTurn).
const idle = globalThis as { requestIdleCallback?: unknown; cancelIdleCallback?: unknown }
let pending = new Map<number, () => void>()
let handles = 0
beforeAll(() => {
  idle.requestIdleCallback = (run: () => void) => {
    pending.set(++handles, run)
    return handles
  }
  idle.cancelIdleCallback = (handle: number) => pending.delete(handle)
})
afterAll(() => {
  delete idle.requestIdleCallback
  delete idle.cancelIdleCallback
})

/** One idle period: the callbacks requested before it run. */
function idleTurn(): void {
  const due = pending
  pending = new Map()
  for (const run of due.values()) run()
}

/** A review of `paragraphs` paragraphs of about 60 words, a heading and a list every tenth. */
function longReview(paragraphs: number): EditorDocument {
  const children: BlockJSON[] = []
  for (let i = 0; i < paragraphs; i++) {
    if (i % 10 === 0) children.push({ type: 'heading', tag: 'h2', children: [{ type: 'text', text: `Part ${i / 10}`, format: 0 }] })
    if (i % 10 === 5) children.push({ type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [{ type: 'text', text: `point ${i}`, format: 0 }] }] })
    const words = 'the camera lingers on a quiet winter river '.repeat(3)
    children.push({
      type: 'paragraph',
      children: [
        { type: 'text', text: `Paragraph ${i}: ${words}`, format: 0 },
        { type: 'text', text: 'in the dark', format: 1 + (i % 2) },
        { type: 'text', text: ` ${words}`, format: 0 },
      ],
    })
  }
  return { root: { type: 'root', children } }
}

function open(doc: EditorDocument) {
  const editor = createHeadlessEditor({
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode],
    onError: (error) => {
      throw error
    },
  })
  const history = createEmptyHistoryState()
  registerHistory(editor, history, 300)
  const { state, rest } = firstScreen(doc, SCREEN)
  editor.setEditorState(editor.parseEditorState(state))
  buildRest(editor, rest)
  const serializer = new IncrementalSerializer(editor.getEditorState(), doc, () => unbuiltBlocks(editor))
  editor.registerUpdateListener((update) => serializer.follow(update))
  return { editor, serializer, history, rest }
}

/** A 1280×800 window's text (opening.ts, screenChars). */
const SCREEN = 3000

const topLevelCount = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getChildrenSize())

describe('Opening a long review', () => {
  it('sets the first screen, a short review whole', () => {
    const doc = longReview(300)
    const { state, rest } = firstScreen(doc, SCREEN)
    const first = (state.root.children as unknown as BlockJSON[]).length
    expect(first).toBeGreaterThan(3)
    expect(first).toBeLessThan(doc.root.children.length / 4)
    expect([...(state.root.children as unknown as BlockJSON[]), ...rest]).toEqual(doc.root.children)
    const short = longReview(3)
    expect(firstScreen(short, SCREEN).rest).toEqual([])
    // A taller window's screen holds more.
    const taller = (firstScreen(doc, 2 * SCREEN).state.root.children as unknown as BlockJSON[]).length
    expect(taller).toBeGreaterThan(first)
  })

  it('serializes the whole review while it is built, and knows every block as an opened one', () => {
    const doc = longReview(300)
    const { editor, serializer, rest } = open(doc)
    const whole = doc.root.children.length
    const seen: number[] = []
    for (let turn = 0; turn < 10_000 && unbuiltBlocks(editor).length > 0; turn++) {
      const json = serializer.toJSON(editor.getEditorState())
      expect(json.root.children).toHaveLength(whole)
      expect(json.root.children.at(-1)).toMatchObject({ type: 'paragraph', children: [{ text: expect.stringContaining('Paragraph 299') }, {}, {}] })
      seen.push(topLevelCount(editor))
      idleTurn()
    }
    // Built in slices, not at once.
    expect(rest.length).toBeGreaterThan(0)
    expect(new Set(seen).size).toBeGreaterThan(2)
    expect(topLevelCount(editor)).toBe(whole)
    const json = serializer.toJSON(editor.getEditorState())
    expect(json.root.children.map((block) => serializer.openedIndexOf(block))).toEqual(doc.root.children.map((_, index) => index))
  })

  it('builds the rest at once when asked, none of it a step to undo', async () => {
    const doc = longReview(300)
    const { editor, serializer, history } = open(doc)
    expect(topLevelCount(editor)).toBeLessThan(doc.root.children.length)
    completeDocument(editor)
    expect(unbuiltBlocks(editor)).toEqual([])
    expect(topLevelCount(editor)).toBe(doc.root.children.length)
    expect(history.undoStack).toHaveLength(0)
    // The critic's first edit is a step to undo, back to the whole review.
    editor.update(() => $getRoot().getLastChildOrThrow<ParagraphNode>().append($createTextNode(' Fin.')), { discrete: true })
    const exported = serializer.toJSON(editor.getEditorState()).root.children
    expect(exported.slice(0, -1).every((block, index) => serializer.openedIndexOf(block) === index)).toBe(true)
    expect(serializer.openedIndexOf(exported.at(-1)!)).toBeUndefined()
    expect(history.undoStack).toHaveLength(1)
    editor.dispatchCommand(UNDO_COMMAND, undefined)
    expect(history.undoStack).toHaveLength(0)
    await Promise.resolve() // the undone state is set once the command's update is over
    expect(editor.getEditorState().toJSON().root.children).toHaveLength(doc.root.children.length)
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).not.toContain('Fin.')
  })

  it('waits for the rest of a review opened in parts, asked for whole meanwhile, and builds it at once when it comes', async () => {
    const doc = longReview(300)
    // Main sent the first 20 blocks; the others come later.
    const part: EditorDocument = { root: { type: 'root', children: doc.root.children.slice(0, 20) } }
    let arrive: (blocks: readonly BlockJSON[]) => void = () => undefined
    const arriving = new Promise<readonly BlockJSON[]>((resolve) => (arrive = resolve))
    const editor = createHeadlessEditor({ nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode], onError: (error) => { throw error } })
    const history = createEmptyHistoryState()
    registerHistory(editor, history, 300)
    const { state, rest } = firstScreen(part, SCREEN)
    editor.setEditorState(editor.parseEditorState(state))
    buildRest(editor, rest, arriving)
    let whole = false
    void whenWhole(editor).then(() => (whole = true))
    expect(completeDocument(editor)).toBe(false)
    expect(topLevelCount(editor)).toBe(20)
    expect(unbuiltBlocks(editor)).toEqual([])
    await Promise.resolve()
    expect(whole).toBe(false)
    arrive(doc.root.children.slice(20))
    await whenWhole(editor)
    expect(topLevelCount(editor)).toBe(doc.root.children.length)
    expect(history.undoStack).toHaveLength(0)
    // The serializer the editor takes then knows every block as the whole document's.
    const serializer = new IncrementalSerializer(editor.getEditorState(), doc, () => unbuiltBlocks(editor))
    const json = serializer.toJSON(editor.getEditorState())
    expect(json.root.children.map((block) => serializer.openedIndexOf(block))).toEqual(doc.root.children.map((_, index) => index))
  })
})
