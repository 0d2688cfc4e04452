/**
 * rehype plugin that runs after the sanitiser: gives every image its final URL (or removes it),
 * removes any iframe the sanitiser let through without a player URL, makes each player a link card
 * when offline and sets the sandbox of those kept, and counts the words of what a reader will see.
 *
 * Image URLs are resolved here, after sanitising, because the resolver's trusted output (data:
 * URIs, the app's asset scheme) is exactly what the sanitiser must refuse when an author writes it.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import type { VFile } from 'vfile'
import { h } from 'hastscript'
import { measureText } from '../../../shared/text'
import { EMBED_IFRAME_SRC, parseEmbedUrl, type EmbedTarget } from './embed'
import type { RenderContext } from './context'
import { CRITIC_DIRECTIVES } from './directives'
import { sanitizeSchema } from './sanitize'

const CLOBBER_PREFIX = sanitizeSchema.clobberPrefix ?? 'user-content-'

/** Every block's look on a blog's page, by class name (each block's `inlineStyles`). */
const INLINE_STYLES: ReadonlyMap<string, string> = new Map(Object.values(CRITIC_DIRECTIVES).flatMap((directive) => Object.entries(directive.inlineStyles ?? {})))
/** An image never wider than the blog's column, its height following its width. */
const IMAGE_STYLE = 'max-width:100%;height:auto'

/** The inline CSS of an element's pipeline classes, when there is any. */
function inlineStyleOf(node: Element): string | undefined {
  const className = node.properties['className']
  if (!Array.isArray(className)) return undefined
  const styles = className.flatMap((name) => INLINE_STYLES.get(String(name)) ?? [])
  return styles.length > 0 ? styles.join(';') : undefined
}

/** What a blog's page needs on an image: its size (its box kept while it loads), and WordPress's media class. */
function fitImage(node: Element, path: string, ctx: RenderContext): void {
  const details = ctx.imageDetails(path)
  if (details) {
    node.properties['width'] = details.width
    node.properties['height'] = details.height
  }
  if (ctx.form.theme === 'blog') node.properties['style'] = IMAGE_STYLE
  // WordPress adds `srcset` and `sizes` to an image that carries its attachment's id this way.
  if (ctx.form.mediaClass === 'wordpress' && details?.mediaId && /^\d+$/.test(details.mediaId)) node.properties['className'] = [`wp-image-${details.mediaId}`]
}

function excerptText(node: ElementContent): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  const className = node.properties['className']
  if (Array.isArray(className) && className.includes('spoiler-inline')) return ''
  if (node.tagName === 'br') return ' '
  if (node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && c.properties['dataFootnoteRef'] !== undefined)) return ''
  return node.children.map(excerptText).join('')
}

/**
 * What stands for a player offline: a link to the video's page. `ownBox` wraps it in a box of the
 * player's size, for a raw iframe that has no embed figure around it.
 */
function videoCard(target: EmbedTarget, title: string, ownBox: boolean): Element {
  const card = h('a', { href: target.watchUrl, className: ['embed-card'], rel: ['noopener', 'noreferrer'] }, [
    h('span.embed-play', { ariaHidden: 'true' }, '▶'),
    h('span.embed-card-text', [h('strong.embed-card-title', title), h('span.embed-card-url', `Watch on ${target.providerName}: ${target.watchUrl}`)]),
  ])
  return ownBox ? h('div.embed-frame', [card]) : card
}

export function rehypeFinalize() {
  return (tree: Root, file: VFile) => {
    const ctx = file.data.verdict
    if (!ctx) throw new Error('rehypeFinalize needs file.data.verdict')
    const texts: string[] = []
    const visit = (parent: Root | Element): void => {
      const kept: Array<RootContent | ElementContent> = []
      for (const node of parent.children) {
        if (node.type === 'text') texts.push(node.value)
        if (node.type !== 'element') {
          kept.push(node)
          continue
        }
        if (node.tagName === 'img') {
          const resolved = typeof node.properties['src'] === 'string' ? ctx.resolveImage(node.properties['src']) : undefined
          if (!resolved) continue
          node.properties['src'] = resolved.src
          fitImage(node, resolved.path, ctx)
          node.properties['loading'] = 'lazy'
          node.properties['decoding'] = 'async'
          if (typeof node.properties['alt'] !== 'string') node.properties['alt'] = ''
        } else if (node.tagName === 'iframe') {
          const src = node.properties['src']
          if (typeof src !== 'string' || !EMBED_IFRAME_SRC.some((re) => re.test(src))) continue
          if (!ctx.online) {
            const target = parseEmbedUrl(src)
            if (!target) continue
            const title = node.properties['title']
            const card = videoCard(target, typeof title === 'string' ? title : `${target.providerName} video`, ctx.playerSizedCards && parent.type === 'root')
            visit(card)
            kept.push(card)
            continue
          }
          node.properties = {
            src,
            title: typeof node.properties['title'] === 'string' ? node.properties['title'] : 'Video',
            loading: 'lazy',
            referrerPolicy: 'strict-origin-when-cross-origin',
            allow: 'encrypted-media; picture-in-picture; fullscreen',
            allowFullScreen: true,
            sandbox: ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'],
            // A player's usual size, narrowed to the blog's column.
            ...(ctx.form.theme === 'blog' ? { width: 560, height: 315, style: 'max-width:100%' } : {}),
          }
          node.children = []
        } else if (node.tagName === 'a' && typeof node.properties['href'] === 'string') {
          const href = node.properties['href']
          if (/^https?:/i.test(href)) node.properties['rel'] = ['noopener', 'noreferrer']
          // The sanitiser prefixes every id (DOM clobbering); in-page links follow, as on GitHub.
          else if (href.startsWith('#') && href.length > 1 && !href.startsWith(`#${CLOBBER_PREFIX}`)) node.properties['href'] = `#${CLOBBER_PREFIX}${href.slice(1)}`
        }
        if (ctx.form.theme === 'blog' && node.tagName !== 'img') {
          const style = inlineStyleOf(node)
          if (style) node.properties['style'] = style
        }
        visit(node)
        kept.push(node)
      }
      parent.children = kept as typeof parent.children
    }
    visit(tree)
    ctx.words = measureText(texts.join(' '))
    // The excerpt's source: top-level paragraphs of prose only (never inside spoiler, score or
    // figure blocks), inline spoilers left out.
    for (const node of tree.children) {
      // A paragraph with a class is a block's (a featured image's credit line), not prose.
      if (node.type !== 'element' || node.tagName !== 'p' || node.properties['className'] !== undefined) continue
      const text = excerptText(node).replace(/\s+/g, ' ').trim()
      if (text) ctx.excerptParts.push(text)
    }
  }
}
