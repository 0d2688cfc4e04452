/**
 * The one Markdown → HTML processor (built once, frozen): CommonMark + GFM + directives → critic
 * blocks → hast → raw HTML parsed → sanitised → finished (image URLs, iframes) → HTML text.
 * Per-render options travel on the VFile (`file.data.verdict`).
 */
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { VFile } from 'vfile'
import type { RenderContext } from './context'
import { remarkCriticBlocks } from './directives'
import { rehypeFinalize } from './finalize'
import { sanitizeSchema } from './sanitize'

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkCriticBlocks)
  // Footnote ids get their `user-content-` prefix from the sanitiser (clobbering), not twice.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeFinalize)
  .use(rehypeStringify)
  .freeze()

/** Renders `body` with `ctx` (which collects images, scores, words, excerpt parts). */
export function renderMarkdown(body: string, ctx: RenderContext): string {
  const file = new VFile({ value: body })
  file.data.verdict = ctx
  const tree = processor.parse(file)
  const hast = processor.runSync(tree, file)
  return processor.stringify(hast, file)
}
