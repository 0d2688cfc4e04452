/**
 * The sanitiser's schema: GitHub's (hast-util-sanitize's default), tightened, and extended only for
 * what the pipeline itself produces — figures, asides, `<data>`, the critic-block classes, ARIA on
 * the score block, and iframes whose whole URL is one of the two privacy-enhanced players.
 *
 * Raw HTML in Markdown is parsed (rehype-raw) and then goes through this same schema, so `<sup>` or
 * `<kbd>` work while scripts, event handlers, forms, styles, `<base>`, `<meta>`, and URLs other than
 * http(s)/mailto are dropped. `style` is allowed nowhere.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize'
import { CRITIC_DIRECTIVES } from './directives'
import { EMBED_IFRAME_SRC } from './embed'

/** The critic blocks' classes, and the byline line a post on a blog may open with (post.ts). */
const CLASS_ROOTS = [...Object.values(CRITIC_DIRECTIVES).flatMap((directive) => directive.classes), 'byline']
/** Class names the pipeline emits. Any other class is removed. */
export const PIPELINE_CLASS = new RegExp(`^(?:${CLASS_ROOTS.join('|')})(?:-[a-z0-9]+)*$`)

const DROPPED_TAGS = new Set(['picture', 'source'])
/** Form-related and other attributes of GitHub's list that nothing here needs. */
const DROPPED_ATTRIBUTES = new Set(['action', 'method', 'encType', 'acceptCharset', 'accept', 'prompt', 'longDesc', 'useMap', 'isMap', 'noHref', 'coords', 'shape'])

const base = defaultSchema
type Definitions = NonNullable<Schema['attributes']>[string]

/**
 * GitHub's list minus what nothing here needs; where an element has its own `className` allow-list
 * (footnotes, task lists, code languages), the pipeline's classes are added to it — a specific
 * definition replaces the `*` one instead of adding to it.
 */
const keep = (list: Definitions = []): Definitions =>
  list
    .filter((definition) => !DROPPED_ATTRIBUTES.has(typeof definition === 'string' ? definition : definition[0]))
    .map((definition) => (Array.isArray(definition) && definition[0] === 'className' ? [...definition, PIPELINE_CLASS] : definition) as Definitions[number])

export const sanitizeSchema: Schema = {
  ...base,
  tagNames: [...(base.tagNames ?? []).filter((tag) => !DROPPED_TAGS.has(tag)), 'figure', 'figcaption', 'aside', 'data', 'iframe', 'mark', 'small', 'cite', 'abbr', 'time'],
  attributes: {
    ...Object.fromEntries(Object.entries(base.attributes ?? {}).map(([tag, list]) => [tag, keep(list)])),
    '*': [...keep(base.attributes?.['*']), ['className', PIPELINE_CLASS], 'ariaLabel', ['ariaHidden', 'true']],
    span: [['role', 'img']],
    iframe: [['src', ...EMBED_IFRAME_SRC], 'title'],
    time: ['dateTime'],
    abbr: ['title'],
  },
  protocols: {
    cite: ['http', 'https'],
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
  // Elements whose content must not survive as text either.
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext', 'select', 'object', 'embed', 'applet', 'svg', 'math'],
}
