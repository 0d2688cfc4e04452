/**
 * The block registry: one entry per editor block type, holding both directions of its conversion
 * and the check applied to it when it arrives from the renderer. Markdown's own blocks are here;
 * the critic blocks of docs/format.md are their folders' (src/main/blocks); directives are read by `leafDirective:name` or
 * `containerDirective:name`. Several entries may read the same mdast type (an image is a paragraph
 * holding only an image): they are tried in registry order. Any mdast block no entry reads, or
 * whose `fromMdast` throws `Unrepresentable` in every entry, is kept verbatim as a raw block.
 */
import type { Blockquote, Heading, List, ListItem, Paragraph, RootContent, ThematicBreak } from 'mdast'
import {
  HEADING_TAGS,
  type BlockJSON,
  type CoreBlockJSON,
  type HeadingJSON,
  type HeadingTag,
  type HorizontalRuleJSON,
  type InlineJSON,
  type ListItemJSON,
  type ListJSON,
  type ParagraphJSON,
  type QuoteJSON,
  type RawBlockJSON,
} from '../../../shared/document'
import { inlineFromMdast, inlineToMdast, normalizeInline, Unrepresentable } from './inline'
import { CRITIC_BLOCKS } from '../../blocks'
import { MARKDOWN_LIMITS } from './limits'
import { imagesIn, readableSiteImages, type ImageMarkdown } from './inlineImage'
import { childrenOf, integerField, malformed, stringField, unknownNode, type LooseNode } from './nodes'
import { codeSpans, type VerbatimNode } from './syntax'

export interface BlockConverter<T extends BlockJSON = BlockJSON, M extends RootContent = RootContent> {
  type: T['type']
  /** mdast nodes this entry reads: a node type, or `type:name` for a directive. */
  reads: readonly string[]
  /** Whether it reads blocks holding template syntax too, which are otherwise kept raw (markdown.ts, TEMPLATE). */
  readsTemplates?: boolean
  /** Checks a node from the renderer and returns its normalized form; null drops it. Throws when malformed. */
  normalize(node: LooseNode, blocks: (nodes: LooseNode[]) => BlockJSON[]): T | null
  /** Throws `Unrepresentable` when the editor cannot hold this node. */
  fromMdast(node: M, read: ReadContext): T
  /** Expects a normalized node. */
  toMdast(node: T, blocks: (nodes: readonly BlockJSON[]) => RootContent[]): RootContent
}

/**
 * The second argument of each direction converts blocks inside a node through the whole registry,
 * raw fallback included, for containers such as a spoiler holding paragraphs and lists.
 */
export interface ReadContext {
  /** The Markdown being read; node positions are offsets into it. */
  source: string
  /** Converts blocks; those of a type outside `allowed` (when given) are kept raw. */
  blocks(nodes: RootContent[], allowed?: ReadonlySet<string>): BlockJSON[]
  /** Reports what the file holds that the editor keeps as written (ParsedReview.warnings). */
  warn(message: string): void
}

/** The key `reads` lists for an mdast node. */
export function mdastKey(node: RootContent): string {
  return node.type === 'leafDirective' || node.type === 'containerDirective' ? `${node.type}:${node.name}` : node.type
}

const paragraph: BlockConverter<ParagraphJSON, Paragraph> = {
  type: 'paragraph',
  reads: ['paragraph'],
  // Markdown has no empty paragraph: an empty editor paragraph is not written.
  normalize: (node) => {
    const children = normalizeInline(node, 'paragraph')
    return children.length ? { type: 'paragraph', children } : null
  },
  fromMdast: (node, read) => ({ type: 'paragraph', children: paragraphContent(node, read) }),
  toMdast: (node) => ({ type: 'paragraph', children: inlineToMdast(node.children) }),
}

/**
 * A paragraph's content, its Liquid images (`![a]({{ site.baseurl }}/x.jpg)`, outside code) read as
 * images. An image alone is the image block's (image/markdown.ts), or kept as written where that
 * refuses it (a title, a path out of the review): inline images are those beside text.
 */
function paragraphContent(node: Paragraph, { source }: ReadContext): InlineJSON[] {
  const start = node.position?.start.offset ?? 0
  const code = codeSpans(node).map(([from, to]) => [from - start, to - start] as const)
  const outside = (from: number, to: number): boolean => code.every(([codeFrom, codeTo]) => to <= codeFrom || from >= codeTo)
  const site = readableSiteImages(source.slice(start, node.position?.end.offset), outside)
  if (site === 'unreadable') throw new Unrepresentable('a Liquid image that does not read as one')
  const content = site === 'none' ? inlineFromMdast(node.children, imagesIn(source)) : inlineFromMdast(site.content, site.images)
  if (content.length === 1 && content[0]!.type === 'inline-image') throw new Unrepresentable('a lone image')
  return content
}

/**
 * `#`, `#####` and `######` are not editor headings (the title is the h1) and stay verbatim.
 * Headings are written as one-line ATX headings, so a line break in one becomes a space.
 */
const heading: BlockConverter<HeadingJSON, Heading> = {
  type: 'heading',
  reads: ['heading'],
  normalize: (node) => {
    const tag = node.tag as HeadingTag
    if (!HEADING_TAGS.includes(tag)) malformed('heading', `has the tag "${String(tag)}"`)
    return { type: 'heading', tag, children: normalizeInline(node, 'heading') }
  },
  fromMdast: (node, read) => {
    const tag = `h${node.depth}` as HeadingTag
    if (!HEADING_TAGS.includes(tag)) throw new Unrepresentable(tag)
    return { type: 'heading', tag, children: inlineFromMdast(node.children, imagesIn(read.source)) }
  },
  toMdast: (node) => ({ type: 'heading', depth: Number(node.tag.slice(1)) as 2 | 3 | 4, children: inlineToMdast(node.children) }),
}

/** The editor's quote is one paragraph; quotes holding more stay verbatim. */
const quote: BlockConverter<QuoteJSON, Blockquote> = {
  type: 'quote',
  reads: ['blockquote'],
  normalize: (node) => ({ type: 'quote', children: normalizeInline(node, 'paragraph') }),
  fromMdast: (node, read) => {
    const [only, ...rest] = node.children
    if (rest.length > 0 || (only && only.type !== 'paragraph')) throw new Unrepresentable('blockquote')
    return { type: 'quote', children: only ? inlineFromMdast(only.children, imagesIn(read.source)) : [] }
  },
  toMdast: (node) => ({
    type: 'blockquote',
    children: node.children.length ? [{ type: 'paragraph', children: inlineToMdast(node.children) }] : [],
  }),
}

/** CommonMark list numbers have at most nine digits. */
const MAX_LIST_NUMBER = 999_999_999
/** Deeper lists stay raw (limits.ts keeps them unparsed): to-markdown recurses per level. */
const MAX_LIST_DEPTH = MARKDOWN_LIMITS.depth

/**
 * Lexical nests a list inside its own list item placed after the item it belongs to; Markdown puts
 * the nested list inside that item. So an mdast item `[paragraph, list*]` is an editor item with the
 * paragraph's content followed by one item per nested list, `[list+]` is just the nested-list items
 * and `[]` an empty item.
 */
const list: BlockConverter<ListJSON, List> = {
  type: 'list',
  reads: ['list'],
  normalize: (node) => normalizeList(node),
  fromMdast: (node, read) => listFromMdast(node, imagesIn(read.source)),
  toMdast: listToMdast,
}

function normalizeList(node: LooseNode, depth = 1): ListJSON | null {
  const { listType } = node
  if (listType !== 'bullet' && listType !== 'number') malformed('list', `has the list type "${String(listType)}"`)
  if (depth > MAX_LIST_DEPTH) malformed('list', `nests lists more than ${MAX_LIST_DEPTH} levels deep`)
  const items: ListItemJSON[] = []
  for (const item of childrenOf(node)) {
    if (item.type !== 'listitem') unknownNode(item.type, 'directly inside a list')
    const content = childrenOf(item)
    if (!content.some((child) => child.type === 'list')) {
      items.push({ type: 'listitem', value: 0, children: normalizeInline(item, 'paragraph') })
      continue
    }
    if (content.length !== 1) malformed('listitem', 'holds a nested list next to other content')
    const nested = normalizeList(content[0]!, depth + 1)
    if (nested) items.push({ type: 'listitem', value: 0, children: [nested] })
  }
  if (items.length === 0) return null // Markdown has no empty list.
  const start = listType === 'number' ? clampStart(node, items) : 1
  // Lexical's numbering: nested-list items repeat the number of the item they follow.
  let value = start
  for (const item of items) {
    item.value = value
    if (!isNested(item)) value++
  }
  return { type: 'list', listType, start, children: items }
}

/** The numbers written (start, start + 1, …, one per Markdown item) must stay within nine digits. */
function clampStart(node: LooseNode, items: ListItemJSON[]): number {
  const start = node.start === undefined ? 1 : integerField(node, 'start')
  return Math.max(0, Math.min(start, MAX_LIST_NUMBER - markdownItems(items).length + 1))
}

const isNested = (item: ListItemJSON): boolean => item.children[0]?.type === 'list'

/**
 * Groups editor items into Markdown items: an item with text followed by the nested-list items
 * after it. An empty item keeps its own line (`-` then `- - x`, not `- - x`), so nested lists after
 * it start a Markdown item of their own.
 */
function markdownItems(items: readonly ListItemJSON[]): ListItemJSON[][] {
  const groups: ListItemJSON[][] = []
  for (const item of items) {
    const head = groups.at(-1)?.[0]
    if (isNested(item) && head && (isNested(head) || head.children.length > 0)) groups.at(-1)!.push(item)
    else groups.push([item])
  }
  return groups
}

/** Values are left to `normalizeList`, which every read document passes through. */
function listFromMdast(node: List, images: ImageMarkdown, depth = 1): ListJSON {
  if (depth > MAX_LIST_DEPTH) throw new Unrepresentable('deep list')
  const items: ListItemJSON[] = []
  for (const item of node.children) {
    if (item.checked != null) throw new Unrepresentable('task list')
    const [first, ...rest] = item.children
    const hasText = first?.type === 'paragraph'
    if (hasText || !first) items.push({ type: 'listitem', value: 0, children: hasText ? inlineFromMdast(first.children, images) : [] })
    for (const child of hasText ? rest : item.children) {
      if (child.type !== 'list') throw new Unrepresentable(child.type)
      items.push({ type: 'listitem', value: 0, children: [listFromMdast(child, images, depth + 1)] })
    }
  }
  const ordered = node.ordered === true
  return { type: 'list', listType: ordered ? 'number' : 'bullet', start: ordered ? (node.start ?? 1) : 1, children: items }
}

function listToMdast(node: ListJSON): List {
  const children = markdownItems(node.children).map((group): ListItem => {
    const text = isNested(group[0]!) ? [] : (group[0]!.children as InlineJSON[])
    const nested = group.filter(isNested).map((item) => listToMdast(item.children[0] as ListJSON))
    return {
      type: 'listItem',
      spread: false,
      children: [...(text.length ? [{ type: 'paragraph' as const, children: inlineToMdast(text) }] : []), ...nested],
    }
  })
  return { type: 'list', ordered: node.listType === 'number', start: node.start, spread: false, children }
}

const horizontalRule: BlockConverter<HorizontalRuleJSON, ThematicBreak> = {
  type: 'horizontalrule',
  reads: ['thematicBreak'],
  normalize: () => ({ type: 'horizontalrule' }),
  fromMdast: () => ({ type: 'horizontalrule' }),
  toMdast: () => ({ type: 'thematicBreak' }),
}

/** The fallback for every other block: its exact source, written back byte for byte. */
export const rawBlock: BlockConverter<RawBlockJSON> = {
  type: 'raw-block',
  reads: [],
  normalize: (node) => {
    const markdown = stringField(node, 'markdown')
    // Blank as Markdown sees it (spaces, tabs, line ends): a no-break space is text, though trim() drops it.
    return /[^ \t\r\n]/.test(markdown) ? { type: 'raw-block', markdown } : malformed('raw-block', 'holds no Markdown')
  },
  fromMdast: (node, { source }) => ({
    type: 'raw-block',
    markdown: source.slice(node.position!.start.offset, node.position!.end.offset),
  }),
  toMdast: (node): VerbatimNode => ({ type: 'verbatim', value: node.markdown }),
}

/** Markdown's own blocks, each typed for its own nodes; a type left out is a type error. */
const CORE_CONVERTERS: { readonly [K in CoreBlockJSON['type']]: BlockConverter<Extract<BlockJSON, { type: K }>> } = {
  paragraph,
  heading,
  quote,
  list,
  horizontalrule: horizontalRule,
  'raw-block': rawBlock,
}

/**
 * One converter per block type, in the order they are tried. The critic blocks come first: the
 * image reads a paragraph holding only an image, which the paragraph would otherwise refuse as
 * inline content.
 */
export const BLOCKS: readonly BlockConverter[] = [...CRITIC_BLOCKS.map((block) => block.markdown), ...Object.values(CORE_CONVERTERS)]
