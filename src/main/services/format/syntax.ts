/**
 * Verdict's Markdown dialect, defined once for reading and writing: CommonMark, GFM strikethrough,
 * tables, task list items and footnotes, and block directives (`::leaf`, `:::container`).
 *
 * Left out on purpose:
 * - GFM autolink literals. They turn typed text such as `www.example.com` or `a@b.co` into links,
 *   and no escape prevents it (mdast's transform runs on the unescaped text), so such text could not
 *   round-trip. Bare URLs stay text in the editor; a blog that renders GFM still links them.
 * - Text directives (`:name`). They claim ordinary prose such as `2:15` or `Note:this`, which would
 *   then need escaping everywhere; every critic node (docs/format.md) is a block directive.
 *
 * Output style (to-markdown options below): ATX headings, `*emphasis*`, `**strong**`, `~~strike~~`,
 * `-` bullets (`*` for a list right after another), `1.` numbers counting up, `---` rules,
 * `[text](url "title")` links (never `<autolinks>`: not every URL is a valid one), `\` hard breaks.
 */
import type { List, Literal, Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { directiveFromMarkdown, directiveToMarkdown } from 'mdast-util-directive'
import { gfmFootnoteFromMarkdown, gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote'
import { gfmStrikethroughFromMarkdown, gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown, gfmTableToMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown, gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item'
import { defaultHandlers, toMarkdown, type ConstructName, type Handle, type Options, type State, type Unsafe } from 'mdast-util-to-markdown'
import { directive } from 'micromark-extension-directive'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import { withinLimits } from './limits'

/**
 * Markdown written exactly as stored: a block kept verbatim (a child of the root or of a spoiler),
 * or an image inside text as the file wrote it (inlineImage.ts).
 */
export interface VerbatimNode extends Literal {
  type: 'verbatim'
}

declare module 'mdast' {
  interface RootContentMap {
    verbatim: VerbatimNode
  }
  interface PhrasingContentMap {
    verbatim: VerbatimNode
  }
}

/** Verdict writes LF; files written elsewhere may use CRLF or CR. */
export function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

const readOptions = {
  extensions: [
    { flow: directive().flow },
    gfmFootnote(),
    gfmStrikethrough(),
    gfmTable(),
    gfmTaskListItem(),
  ],
  mdastExtensions: [
    directiveFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ],
}

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, readOptions)
}

/** Where a node's code spans are in the text it was read from, in order: the parser's, found by position. */
export function codeSpans(node: Nodes): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  const visit = (child: Nodes): void => {
    const { start, end } = child.position ?? {}
    if (child.type === 'inlineCode' && start?.offset !== undefined && end?.offset !== undefined) spans.push([start.offset, end.offset])
    else if ('children' in child) for (const grandchild of child.children) visit(grandchild)
  }
  visit(node)
  return spans
}

/** The empty HTML comment to-markdown puts between blocks that would otherwise merge. */
export const BLOCK_SEPARATOR = '<!---->'

const BULLET = '-'
const ORDERED = '.'

/** directive's `:`-in-prose escapes exist for text directives only, which this dialect does not read. */
const directives = directiveToMarkdown()
const blockDirectiveUnsafe = (directives.unsafe ?? []).filter(
  (pattern: Unsafe) => !(pattern.character === ':' && pattern.inConstruct?.includes('phrasing')),
)

/**
 * A directive's `[label]` is inline Markdown (`::score[*x*]` reads as emphasis), but directive's
 * writer enters only `label` around it, so text escapes (`*`, `_`, `` ` ``, `<`, `&`, …), which
 * apply in `phrasing`, were skipped. Writing the whole directive inside `phrasing` restores them;
 * a container's blocks are unaffected, since each enters its own constructs and only paragraphs
 * and headings write text.
 */
function asPhrasing(handle: Handle): Handle {
  return (node, parent, state, info) => {
    const exit = state.enter('phrasing')
    try {
      return handle(node, parent, state, info)
    } finally {
      exit()
    }
  }
}
const directiveHandlers = directives.handlers as Record<'containerDirective' | 'leafDirective', Handle>

/** Constructs whose content is taken literally, where to-markdown applies no phrasing escapes. */
/** A link's address and title, where a backslash escape works too. */
const LINK_PARTS: ConstructName[] = ['destinationLiteral', 'destinationRaw', 'titleQuote', 'titleApostrophe']
const LITERAL_SPANS: ConstructName[] = ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe']

const writeOptions: Options = {
  bullet: BULLET,
  bulletOther: '*',
  bulletOrdered: ORDERED,
  emphasis: '*',
  strong: '*',
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
  resourceLink: true,
  extensions: [
    {
      handlers: {
        containerDirective: asPhrasing(directiveHandlers.containerDirective),
        leafDirective: asPhrasing(directiveHandlers.leafDirective),
      },
      unsafe: blockDirectiveUnsafe,
    },
    gfmFootnoteToMarkdown(),
    gfmStrikethroughToMarkdown(),
    gfmTableToMarkdown(),
    gfmTaskListItemToMarkdown(),
  ],
  handlers: {
    verbatim: (node: VerbatimNode) => node.value,
    // to-markdown leaves an underscore inside a word bare (`x_y`), which is safe only while the
    // letters around it stay letters; its attention encoding can turn a text's first or last
    // character into `&#x78;`, and then `_` opens emphasis. So underscores are escaped but where
    // letters or digits inside the text surround them (`a_b_c` in a URL), where none can open.
    text: (...args) => {
      const written = defaultHandlers.text(...args)
      return written.replace(/(?<!\\)((?:\\\\)*)(_+)/g, (match, slashes: string, run: string, at: number) =>
        inWord(written, at + slashes.length, run.length) ? match : slashes + run.replaceAll('_', '\\_'),
      )
    },
    // The marker of the list before is remembered into the next list's items, so a nested list
    // could switch to `*` too and `* * *` would read as a rule: an item starts afresh.
    listItem: (node, parent, state, info) => {
      state.bulletLastUsed = undefined
      return defaultHandlers.listItem(node, parent, state, info)
    },
  },
  unsafe: [
    // to-markdown leaves a leading `<` of a plain link destination bare, and `[a](<x)` reads otherwise.
    { character: '<', inConstruct: 'destinationRaw' },
    // It escapes `<` in text only before a letter, `!`, `/` or `?`, but ``<`a@b.co>`` is an email autolink.
    { character: '<', after: '\\S', inConstruct: 'phrasing', notInConstruct: LITERAL_SPANS },
    // Text typed as `$x$`, `{{ x }}` or `{% x %}` is the critic's, not math or a template: escaped,
    // it reads back as text rather than as a kept block (markdown.ts, TEMPLATE). Link addresses
    // and titles too: a link to `$$` is a link, not math.
    { character: '$', inConstruct: 'phrasing', notInConstruct: LITERAL_SPANS },
    { character: '{', after: '[{%]', inConstruct: 'phrasing', notInConstruct: LITERAL_SPANS },
    { character: '{', before: '\\{', inConstruct: 'phrasing', notInConstruct: LITERAL_SPANS },
    // A line starting `{:` reads as kramdown attributes, also kept as written; one starting `:::`
    // as another tool's container. Directive's own escape takes a run's last colon only, which
    // leaves `:::` at the start of a longer run (`::::\:x`).
    { character: '{', after: ':', atBreak: true },
    { character: ':', after: ':::', atBreak: true },
    { character: '$', inConstruct: LINK_PARTS },
    { character: '{', after: '[{%]', inConstruct: LINK_PARTS },
    { character: '{', before: '\\{', inConstruct: LINK_PARTS },
    // A carriage return reads as a line ending; so does a title's line feed, which to-markdown keeps,
    // and the title's next line could then start a block (`:::`). Encoded, a title stays on its line.
    { character: '\r', inConstruct: ['destinationLiteral', 'destinationRaw', 'titleQuote', 'titleApostrophe'] },
    { character: '\n', inConstruct: ['titleQuote', 'titleApostrophe'] },
  ],
  join: [separateVerbatim, listAfterParagraph, scoreSections],
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u

/** Whether `text[from, from + length)` has a letter or digit each side, neither at the text's edge. */
function inWord(text: string, from: number, length: number): boolean {
  const to = from + length
  return from >= 2 && to <= text.length - 2 && WORD_CHARACTER.test(text[from - 1]!) && WORD_CHARACTER.test(text[to]!)
}

/** The markers a file already uses, so a block rewritten in it keeps them (bodyEdit.ts). */
export type MarkdownStyle = Partial<Pick<Options, 'emphasis' | 'strong' | 'bullet' | 'bulletOrdered' | 'rule'>>

export function stringifyMarkdown(root: Root, style: MarkdownStyle = {}): string {
  // `bulletOther` must differ from `bullet`: it separates a list from the one before it.
  const bulletOther = style.bullet === '*' ? '-' : '*'
  return toMarkdown(root, { ...writeOptions, ...style, bulletOther })
}

/**
 * to-markdown keeps its own blocks apart (it alternates list markers, separates indented code), but
 * cannot see inside a verbatim block. Written after a blank line, a block still continues a list
 * above it when it starts indented or with the same list marker, continues a footnote definition
 * when indented, and an indented code block absorbs indented code after it. micromark also reads a
 * list right after indented code as if it interrupted a paragraph. In those cases the blocks get
 * `<!---->` between them, which reading drops again.
 */
function separateVerbatim(left: Nodes, right: Nodes, parent: Nodes, state: State): boolean | undefined {
  if ((parent.type !== 'root' && parent.type !== 'containerDirective') || (left.type !== 'verbatim' && right.type !== 'verbatim')) {
    return undefined
  }
  // A block beyond the parsing limits is not parsed to see its edges: it is always set apart.
  if ((left.type === 'verbatim' && !withinLimits(left.value)) || (right.type === 'verbatim' && !withinLimits(right.value))) return false
  const tail: Edge = left.type === 'verbatim' ? edgeOf(left.value, 'last') : { node: left, marker: state.bulletLastUsed }
  const head: Edge =
    right.type === 'verbatim'
      ? edgeOf(right.value, 'first')
      : { node: right, marker: right.type === 'list' ? (right.ordered ? ORDERED : BULLET) : undefined }
  const tailList = tail.node?.type === 'list'
  const headList = head.node?.type === 'list' ? head.node : undefined
  if (head.indented && (tailList || tail.node?.type === 'footnoteDefinition' || tail.indentedCode)) return false
  if (tailList && headList && tail.marker === head.marker) return false
  if (tail.indentedCode && headList && !interruptsParagraph(headList)) return false
  return undefined
}

/**
 * Inside a list item, a list written on the line after the item's text must be able to interrupt
 * that paragraph; to-markdown checks only the outermost list, so put a blank line before it.
 */
function listAfterParagraph(left: Nodes, right: Nodes, parent: Nodes): number | undefined {
  if (!('spread' in parent) || left.type !== 'paragraph' || right.type !== 'list') return undefined
  return interruptsParagraph(right) ? undefined : 1
}

/**
 * A score's sections are written as docs/format.md shows them, the list right under its title
 * (`Pros:` then `- …`). Its first item always has text (the score's converter drops empty ones), so it
 * interrupts the title's paragraph.
 */
function scoreSections(left: Nodes, right: Nodes, parent: Nodes): number | undefined {
  return parent.type === 'containerDirective' && parent.name === 'score' && left.type === 'paragraph' && right.type === 'list'
    ? 0
    : undefined
}

/** Every list starting on the line (`- - x` starts two) must begin with a non-empty item, numbered 1 if numbered. */
function interruptsParagraph(list: List): boolean {
  const first = list.children[0]
  if ((list.ordered && (list.start ?? 1) !== 1) || !first?.children.length) return false
  const next = first.children[0]
  return next?.type !== 'list' || interruptsParagraph(next)
}

interface Edge {
  node?: Nodes
  /** The list's marker: `-`, `*`, `+`, or `.`/`)` for numbered lists. */
  marker?: string
  indentedCode?: boolean
  /** The Markdown starts with a space or tab. */
  indented?: boolean
}

/** The first or last block of some verbatim Markdown, as the rules above need to see it. */
function edgeOf(markdown: string, which: 'first' | 'last'): Edge {
  const children = parseMarkdown(markdown).children
  const node = which === 'first' ? children[0] : children.at(-1)
  const source = node?.position ? markdown.slice(node.position.start.offset) : ''
  return {
    node,
    marker: node?.type === 'list' ? listMarker(node, source) : undefined,
    indentedCode: node?.type === 'code' && !/^ {0,3}(?:```|~~~)/.test(source),
    indented: /^[ \t]/.test(markdown),
  }
}

function listMarker(list: List, source: string): string | undefined {
  return list.ordered ? /^\s*\d+([.)])/.exec(source)?.[1] : source.trimStart()[0]
}
