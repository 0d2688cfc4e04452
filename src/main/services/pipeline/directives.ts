/**
 * remark plugin: turns the critic blocks of docs/format.md (each block's `html.ts`, registered in
 * src/main/blocks) into mdast nodes that carry their HTML shape (`data.hName` / `data.hProperties`), so
 * remark-rehype builds the markup and everything still goes through the sanitiser afterwards.
 *
 * Unknown directives are rendered harmlessly:
 * - text and leaf directives become their original source text (`Note:this`, `10:30` and
 *   `::foo{x=1}` read exactly as typed — remark-directive sees a directive in any `word:word`);
 * - container directives become a plain `<div>` around their content, which is the author's prose.
 */
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { CRITIC_BLOCKS } from '../../blocks'
import { spoilerNotice } from '../../../blocks/spoiler/html'
import type { RenderContext } from './context'
import { el, paragraph, recordImage, txt, type AnyNode, type CriticDirective, type DirectiveKind } from './criticElements'

type DirectiveNode = AnyNode & { type: DirectiveKind }
const DIRECTIVE_KINDS: readonly string[] = ['containerDirective', 'leafDirective', 'textDirective'] satisfies DirectiveKind[]
const isDirective = (node: AnyNode): node is DirectiveNode => DIRECTIVE_KINDS.includes(node.type)

export function remarkCriticBlocks() {
  return (tree: Root, file: VFile) => {
    const ctx = file.data.verdict
    if (!ctx) throw new Error('remarkCriticBlocks needs file.data.verdict')
    const root = tree as unknown as AnyNode
    transformChildren(root, ctx)
    root.children = [...ctx.opening, ...(ctx.spoilerNotice ? [spoilerNotice()] : []), ...(root.children ?? [])]
  }
}

function transformChildren(parent: AnyNode, ctx: RenderContext): void {
  if (!parent.children) return
  const out: AnyNode[] = []
  for (const child of parent.children) {
    if (isDirective(child)) out.push(...directive(child, ctx))
    else {
      if (child.type === 'image') recordImage(child, ctx, {})
      transformChildren(child, ctx)
      out.push(child)
    }
  }
  parent.children = out
}

/** The directives this pipeline renders, by name (from every block's `html`); any other is unknown (below). */
export const CRITIC_DIRECTIVES: Readonly<Record<string, CriticDirective>> = Object.fromEntries(
  CRITIC_BLOCKS.flatMap((block) => Object.entries(block.html)),
)

function directive(node: DirectiveNode, ctx: RenderContext): AnyNode[] {
  const name = node.name ?? ''
  const kind = node.type
  const render = Object.hasOwn(CRITIC_DIRECTIVES, name) ? CRITIC_DIRECTIVES[name]?.render[kind] : undefined
  if (render) return render(node, ctx, (parent) => transformChildren(parent, ctx))
  // Unknown: a text directive is usually prose (`Note:this`, `10:30`), so it stays as typed.
  if (kind === 'leafDirective') ctx.warnings.push(`“::${name}” is not a Verdict block; it is shown as written.`)
  if (kind === 'containerDirective') {
    ctx.warnings.push(`“:::${name}” is not a Verdict block; its content is shown without it.`)
    const box = el('div', {}, node.children ?? [])
    transformChildren(box, ctx)
    return [box]
  }
  const text = txt(sourceText(node, ctx))
  return [kind === 'leafDirective' ? paragraph([text]) : text]
}

/** The directive exactly as written, for unknown text and leaf directives. */
function sourceText(node: AnyNode, ctx: RenderContext): string {
  if (typeof node.data?.sourceText === 'string') return node.data.sourceText
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined) return ctx.source.slice(start, end)
  const label = toString(node as never)
  return `${node.type === 'leafDirective' ? '::' : ':'}${node.name ?? ''}${label ? `[${label}]` : ''}`
}
