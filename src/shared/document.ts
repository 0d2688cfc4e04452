/**
 * The editor document as it crosses the bridge: the JSON shape Lexical's `toJSON()` produces,
 * one plain type per node and no lexical import. Main's format service converts it to and from
 * Markdown; the renderer's nodes export exactly these shapes. Lexical's layout fields
 * (direction, indent, …) are optional: Lexical fills defaults on import, and Markdown keeps none.
 */
import type { NodeSchema } from './documentSchema'

/** Lexical's text format bits that Markdown can express. */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  code: 16,
} as const
export type TextFormatName = keyof typeof TEXT_FORMAT

export interface NodeBase {
  type: string
  version?: number
}

export interface ElementBase extends NodeBase {
  direction?: 'ltr' | 'rtl' | null
  format?: string | number
  indent?: number
}

export interface TextJSON extends NodeBase {
  type: 'text'
  text: string
  /** Bit set of TEXT_FORMAT. */
  format: number
  detail?: number
  mode?: 'normal' | 'token' | 'segmented'
  style?: string
}

export interface LineBreakJSON extends NodeBase {
  type: 'linebreak'
}

/**
 * An image inside text (`text ![alt](src "title") text`). `src` is kept exactly as the file wrote
 * it (a site's `{{ site.baseurl }}/img/x.jpg` too); `markdown` is the image as written
 * (`![a](<b.png> 't')`), written back while it still says this src, alt and title.
 */
export interface InlineImageJSON extends NodeBase {
  type: 'inline-image'
  src: string
  alt: string
  title: string | null
  markdown: string
}

export interface LinkJSON extends ElementBase {
  type: 'link'
  url: string
  title?: string | null
  rel?: string | null
  target?: string | null
  children: Array<TextJSON | LineBreakJSON | InlineImageJSON>
}

export type InlineJSON = TextJSON | LineBreakJSON | LinkJSON | InlineImageJSON

export interface ParagraphJSON extends ElementBase {
  type: 'paragraph'
  children: InlineJSON[]
  textFormat?: number
  textStyle?: string
}

export const HEADING_TAGS = ['h2', 'h3', 'h4'] as const
export type HeadingTag = (typeof HEADING_TAGS)[number]

export interface HeadingJSON extends ElementBase {
  type: 'heading'
  tag: HeadingTag
  children: InlineJSON[]
}

export interface QuoteJSON extends ElementBase {
  type: 'quote'
  children: InlineJSON[]
}

export interface ListJSON extends ElementBase {
  type: 'list'
  listType: 'bullet' | 'number'
  start: number
  tag?: 'ul' | 'ol'
  children: ListItemJSON[]
}

/** A list item holds inline content, or exactly one nested list (Lexical's nesting model). */
export interface ListItemJSON extends ElementBase {
  type: 'listitem'
  value: number
  checked?: boolean
  children: InlineJSON[] | [ListJSON]
}

export interface HorizontalRuleJSON extends NodeBase {
  type: 'horizontalrule'
}

/** Markdown the editor cannot represent (tables, HTML, footnotes, …), kept verbatim. */
export interface RawBlockJSON extends NodeBase {
  type: 'raw-block'
  markdown: string
}

/**
 * The critic blocks (docs/extending.md), by type: each block's `src/blocks/<block>/model.ts` adds
 * its JSON here by module augmentation (`declare module … { interface CriticBlocks { … } }`), so
 * this file names none of them. Every tsconfig includes those files (see the guard below).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface CriticBlocks {}

/** The blocks a critic inserts (the Insert menu); the others are Markdown's own. */
export type CriticBlockType = keyof CriticBlocks

/** Markdown's own blocks, which the editor holds without a block folder. */
export type CoreBlockJSON = ParagraphJSON | HeadingJSON | QuoteJSON | ListJSON | HorizontalRuleJSON | RawBlockJSON

export type BlockJSON = CoreBlockJSON | CriticBlocks[CriticBlockType]

export type BlockType = BlockJSON['type']

type Assert<T extends true> = T
/** Fails to compile in a program whose tsconfig leaves out the blocks' model.ts files: BlockJSON would silently lose them. */
type _CriticBlocksIncluded = Assert<[CriticBlockType] extends [never] ? false : true>

/**
 * Markdown's own block types, for the test that checks each registry (format, pipeline, editor)
 * knows every block: the critic ones are the folders of `src/blocks`. The registries themselves are
 * typed `Record<…>`, so tsc checks them too.
 */
export const CORE_BLOCK_TYPES = Object.keys({
  paragraph: true,
  heading: true,
  quote: true,
  list: true,
  horizontalrule: true,
  'raw-block': true,
} satisfies Record<CoreBlockJSON['type'], true>)

/**
 * What every layer knows of a critic block at run time, from its model.ts: the main and the
 * renderer registries both carry it, so the shortcuts table (README, Help) and the Insert menu agree.
 */
export interface CriticBlockModel<T extends CriticBlockType = CriticBlockType> {
  type: T
  /** What main accepts as this block from the renderer (documentSchema.ts): its JSON, field by field. */
  schema: NodeSchema<CriticBlocks[T]>
  /** Mod+Shift+`key` inserts it, listed as "Insert <name>"; `order` places it in the Insert menu and that list. */
  insert: { name: string; key: string; order: number }
}

export interface RootJSON extends ElementBase {
  type: 'root'
  children: BlockJSON[]
}

export interface EditorDocument {
  root: RootJSON
}

export function emptyDocument(): EditorDocument {
  return { root: { type: 'root', children: [{ type: 'paragraph', children: [] }] } }
}

/**
 * Plain text of a document, blocks separated by line breaks: what word counts read. The critic's
 * own sentences count (a score's verdict, pros and cons, an image's caption, a spoiler's content);
 * labels, scores, credits, alt text and addresses do not. Spoiler text is here: excerpts, which
 * must leave it out, are made elsewhere.
 */
export function documentText(doc: EditorDocument): string {
  type Node = {
    type: string
    children?: readonly Node[]
    text?: string
    markdown?: string
    verdict?: string
    pros?: string[]
    cons?: string[]
    caption?: string
  }
  const parts: string[] = []
  // Its own stack, not recursion: the editor lets lists nest as deep as anyone indents them.
  // An entry is a node to read, or the line break that closes an element once its children are read.
  const pending: Array<Node | '\n'> = [doc.root]
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node === '\n') {
      parts.push('\n')
      continue
    }
    if (node.type === 'text' && node.text) parts.push(node.text)
    else if (node.type === 'linebreak') parts.push('\n')
    else if (node.type === 'raw-block' && node.markdown) parts.push(node.markdown, '\n')
    else if (node.type === 'score') {
      for (const sentence of [node.verdict, ...(node.pros ?? []), ...(node.cons ?? [])]) if (sentence) parts.push(sentence, '\n')
    } else if (node.type === 'image' && node.caption) parts.push(node.caption, '\n')
    if (!node.children) continue
    pending.push('\n')
    for (let index = node.children.length - 1; index >= 0; index--) pending.push(node.children[index]!)
  }
  return parts.join('')
}
