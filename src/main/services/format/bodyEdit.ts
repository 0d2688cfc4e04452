/**
 * Writes a body back as its original bytes plus the critic's edits: every top-level block the
 * editor still holds unchanged is written as its source slice, with the exact text between it and
 * its unchanged neighbour, and only new or changed blocks are written from the document. A
 * rewritten block keeps the markers its original used (`_x_`, `+` bullets, `1)`), and a loose list
 * stays loose.
 *
 * Blocks are matched by content: the unchanged run at each end first, then the longest common
 * subsequence of what is left (an edit touches a few blocks, so that middle is small).
 */
import type { List, ListItem, Nodes, RootContent } from 'mdast'
import type { BlockJSON, ListItemJSON, ListJSON } from '../../../shared/document'
import { blockToMdast, normalizeDocument, readSourceBlocks, type SourceBlock, type SourceBlocks } from './markdown'
import { parseMarkdown, stringifyMarkdown, type MarkdownStyle, type VerbatimNode } from './syntax'

export interface RevisedBody {
  body: string
  /** False when the document holds exactly the blocks read: `body` is then the source itself. */
  changed: boolean
}

/**
 * A block of the new body and the source block it stands for (`at`): the same block kept (`kept`),
 * or one it replaces, whose markers and surrounding blank lines it takes over.
 */
interface Placed {
  block: BlockJSON
  at?: number
  kept: boolean
}

export function reviseBody(original: SourceBlocks, edited: readonly BlockJSON[]): RevisedBody {
  const { source } = original
  const blocks = apartAsRead(original.blocks, edited)
  const placed = align(original.blocks, blocks)
  if (placed.length === original.blocks.length && placed.every((item, index) => item.kept && item.at === index)) return { body: source, changed: false }
  if (placed.length === 0) return { body: '', changed: source !== '' }
  const sourceOf = (at: number): SourceBlock => original.blocks[at]!
  const texts = placed.map(({ block, at, kept }) =>
    kept ? sliceOf(source, sourceOf(at!)) : writeBlock(block, at === undefined ? undefined : { block: sourceOf(at).block, text: sliceOf(source, sourceOf(at)) }),
  )
  const joined = joinBlocks(source, original.blocks, placed, texts, true)
  return { body: readsAsMeant(joined, placed) ? joined.body : joinBlocks(source, original.blocks, placed, texts, false).body, changed: true }
}

/**
 * Whether the text chosen between blocks keeps them apart as meant: written as the source had it,
 * a changed block could start so that it joins its neighbour. Only the stretch from the kept block
 * before the first change to the kept block after the last is read again, so a save of a long
 * review parses a few blocks, not the review.
 */
function readsAsMeant({ body, spans }: Joined, placed: readonly Placed[]): boolean {
  const changed = placed.flatMap((item, index) => (item.kept ? [] : [index]))
  // Blocks only removed: kept blocks that were not neighbours get the writer's text between them.
  if (changed.length === 0) return true
  const from = Math.max(0, changed[0]! - 1)
  const to = Math.min(placed.length - 1, changed.at(-1)! + 1)
  const read = readSourceBlocks(body.slice(spans[from]![0], spans[to]![1])).blocks.map(({ block }) => keyOf(block))
  const meant = placed.slice(from, to + 1).map(({ block }) => keyOf(block))
  return read.length === meant.length && read.every((key, index) => key === meant[index])
}

interface Joined {
  body: string
  /** Where each placed block's text is in `body`. */
  spans: Array<[number, number]>
}

function joinBlocks(source: string, blocks: readonly SourceBlock[], placed: readonly Placed[], texts: readonly string[], sourceGaps: boolean): Joined {
  const first = blocks[0]
  const last = blocks.at(-1)
  let body = first ? source.slice(0, first.from) : ''
  const spans: Array<[number, number]> = []
  placed.forEach((item, index) => {
    if (index > 0) {
      const before = placed[index - 1]!
      const neighbours = before.at !== undefined && item.at === before.at + 1
      body += neighbours && (sourceGaps || (before.kept && item.kept)) ? source.slice(blocks[before.at!]!.to, blocks[item.at!]!.from) : separator(texts[index - 1]!, texts[index]!)
    }
    spans.push([body.length, body.length + texts[index]!.length])
    body += texts[index]
  })
  const tail = last ? source.slice(last.to) : ''
  return { body: body + (placed.at(-1)!.at === blocks.length - 1 ? tail : tail || '\n'), spans }
}

/**
 * Lexical merges a list into the list of the same type before it; Markdown keeps `- a` and `* b`
 * (or `1.` and `3)`) apart. A new list whose items begin or end with those of two neighbouring
 * source lists is split back where the source had them apart.
 */
function apartAsRead(source: readonly SourceBlock[], blocks: readonly BlockJSON[]): BlockJSON[] {
  const lists = source.map(({ block }) => block).filter((block): block is ListJSON => block.type === 'list')
  if (lists.length < 2) return [...blocks]
  const itemsKey = (items: readonly ListItemJSON[]): string => JSON.stringify(items.map(({ value: _value, ...item }) => item))
  const present = new Set(blocks.map(keyOf))
  return blocks.flatMap((block): BlockJSON[] => {
    if (block.type !== 'list' || lists.some((list) => keyOf(list) === keyOf(block))) return [block]
    for (let index = 0; index + 1 < lists.length; index++) {
      const [first, second] = [lists[index]!, lists[index + 1]!]
      if (first.listType !== block.listType || second.listType !== block.listType) continue
      // One of the two still stands on its own: they were not merged, the list grew.
      if (present.has(keyOf(first)) || present.has(keyOf(second))) continue
      const items = block.children
      const cut = itemsKey(items.slice(0, first.children.length)) === itemsKey(first.children)
        ? first.children.length
        : itemsKey(items.slice(items.length - second.children.length)) === itemsKey(second.children) ? items.length - second.children.length : -1
      if (cut <= 0 || cut >= items.length) continue
      const part = (children: ListItemJSON[], start: number): BlockJSON[] =>
        normalizeDocument({ root: { type: 'root', children: [{ ...block, start, children }] } }).root.children
      return [...part(items.slice(0, cut), first.start), ...part(items.slice(cut), second.start)]
    }
    return [block]
  })
}

const sliceOf = (source: string, block: SourceBlock): string => source.slice(block.from, block.to)
const keyOf = (block: BlockJSON): string => JSON.stringify(block)

/**
 * Pairs the new blocks with the source blocks they equal. A new block between two kept ones
 * remembers a replaced source block of the same type there (`like`), whose markers it keeps.
 */
function align(source: readonly SourceBlock[], blocks: readonly BlockJSON[]): Placed[] {
  const oldKeys = source.map(({ block }) => keyOf(block))
  const newKeys = blocks.map(keyOf)
  let head = 0
  while (head < oldKeys.length && head < newKeys.length && oldKeys[head] === newKeys[head]) head++
  let tail = 0
  while (tail < oldKeys.length - head && tail < newKeys.length - head && oldKeys.at(-1 - tail) === newKeys.at(-1 - tail)) tail++
  const oldMiddle = oldKeys.slice(head, oldKeys.length - tail)
  const newMiddle = newKeys.slice(head, newKeys.length - tail)
  const pairs = commonSubsequence(oldMiddle, newMiddle)
  const placed: Placed[] = blocks.slice(0, head).map((block, index) => ({ block, at: index, kept: true }))
  let oldAt = 0
  let newAt = 0
  for (const [oldIndex, newIndex] of [...pairs, [oldMiddle.length, newMiddle.length] as const]) {
    const replaced = Array.from({ length: oldIndex - oldAt }, (_, index) => head + oldAt + index)
    for (const block of blocks.slice(head + newAt, head + newIndex)) {
      const like = replaced.findIndex((at) => source[at]!.block.type === block.type)
      placed.push({ block, at: like === -1 ? undefined : replaced.splice(like, 1)[0], kept: false })
    }
    if (newIndex < newMiddle.length) placed.push({ block: blocks[head + newIndex]!, at: head + oldIndex, kept: true })
    oldAt = oldIndex + 1
    newAt = newIndex + 1
  }
  const tailStart = blocks.length - tail
  for (let index = 0; index < tail; index++) placed.push({ block: blocks[tailStart + index]!, at: oldKeys.length - tail + index, kept: true })
  return placed
}

/** Index pairs of a longest common subsequence of two short lists. */
function commonSubsequence(a: readonly string[], b: readonly string[]): Array<readonly [number, number]> {
  if (a.length === 0 || b.length === 0) return []
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
  }
  const pairs: Array<readonly [number, number]> = []
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) pairs.push([i++, j++])
    else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++
    else j++
  }
  return pairs
}

/** A source block: what it read as and its text. */
interface Written {
  block: BlockJSON
  text: string
}

/** A block written alone, in the markers of the source block it replaces. */
function writeBlock(block: BlockJSON, like: Written | undefined): string {
  const node = blockToMdast(block)
  const original = like === undefined ? undefined : parseMarkdown(like.text).children[0]
  if (original?.type === 'list' && node.type === 'list' && isLoose(original)) loosen(node)
  const style = original ? styleOf(original, like!.text) : {}
  const written = stringifyMarkdown({ type: 'root', children: [node] }, style).replace(/\n$/, '')
  return (like && block.type === 'paragraph' && like.block.type === 'paragraph' && withSourceLines(block, like, written, style)) || written
}

/**
 * An edited paragraph with its source's line breaks around the edit: the writer writes a paragraph
 * on one line (the editor has no soft breaks), which re-wrapped a hard-wrapped paragraph whole. When
 * the source is what the writer makes of it but for its line breaks, the writer's text is taken
 * only between the first and last characters the edit changed, and kept if it reads as the block.
 */
function withSourceLines(block: BlockJSON, like: Written, written: string, style: MarkdownStyle): string | undefined {
  if (!like.text.includes('\n')) return undefined
  const before = stringifyMarkdown({ type: 'root', children: [blockToMdast(like.block)] }, style).replace(/\n$/, '')
  if (like.text.replaceAll('\n', ' ') !== before) return undefined
  let head = 0
  while (head < before.length && head < written.length && before[head] === written[head]) head++
  let tail = 0
  while (tail < before.length - head && tail < written.length - head && before.at(-1 - tail) === written.at(-1 - tail)) tail++
  const kept = like.text.slice(0, head) + written.slice(head, written.length - tail) + like.text.slice(like.text.length - tail)
  const read = readSourceBlocks(kept).blocks
  return read.length === 1 && keyOf(read[0]!.block) === keyOf(block) ? kept : undefined
}

const isLoose = (list: List): boolean => list.spread === true || list.children.some((item) => item.spread === true)

function loosen(list: List): void {
  list.spread = true
  for (const item of list.children as ListItem[]) item.spread = true
}

/** The emphasis, strong, bullet and number markers the source block uses. */
function styleOf(node: Nodes, source: string): MarkdownStyle {
  const style: MarkdownStyle = {}
  const visit = (current: Nodes): void => {
    const at = current.position?.start.offset
    const char = at === undefined ? undefined : source[at]
    if (current.type === 'emphasis' && (char === '_' || char === '*')) style.emphasis ??= char
    if (current.type === 'strong' && (char === '_' || char === '*')) style.strong ??= char
    if (current.type === 'list' && at !== undefined) {
      const marker = /^\s*(?:\d+([.)])|([-*+]))/.exec(source.slice(at))
      if (marker?.[1]) style.bulletOrdered ??= marker[1] as '.' | ')'
      if (marker?.[2]) style.bullet ??= marker[2] as '-' | '*' | '+'
    }
    if ('children' in current) for (const child of current.children) visit(child)
  }
  visit(node)
  return style
}

/**
 * The text between two blocks where at least one is new: what the writer puts between them
 * (a blank line, or `<!---->` where they would otherwise read as one block).
 */
function separator(left: string, right: string): string {
  const verbatim = (value: string): VerbatimNode => ({ type: 'verbatim', value })
  const written = stringifyMarkdown({ type: 'root', children: [verbatim(left), verbatim(right)] as RootContent[] })
  return written.slice(left.length, written.length - right.length - 1)
}
