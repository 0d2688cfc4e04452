/**
 * `renderPage`: a post → a complete, self-standing HTML document styled by a theme.
 *
 * The page carries a strict Content-Security-Policy: no script runs (the JSON-LD block is data,
 * which CSP does not execute), styles only from the one inline `<style>` (allowed by its hash, so
 * no `style` attribute and no external sheet applies), images only from the sources the post's
 * images actually use (plus `data:`), frames only from the two video players and only online,
 * no forms, no `<base>`, no plugins, no fetches.
 */
import { createHash } from 'node:crypto'
import type { ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import { creditLine } from '../../../blocks/image/html'
import { SPOILER_WARNING } from '../../../blocks/spoiler/html'
import { EMBED_FRAME_ORIGINS } from './embed'
import { serializeJsonLd } from './jsonld'
import { cspSourceOf } from './paths'
import { starStates, spokenScore } from './scores'
import type { PageOptions, Post, PostImage, Subject, SubjectKind } from './postModel'

const KIND_LABELS: Record<SubjectKind, string> = {
  film: 'Film review',
  series: 'TV review',
  season: 'TV review',
  episode: 'TV review',
  book: 'Book review',
  game: 'Game review',
  album: 'Album review',
  show: 'Stage review',
  other: 'Review',
}

/** A blog category for the review, from what is reviewed: "Film reviews", "Book reviews", "Reviews". */
export function categoryOf(post: Pick<Post, 'subject'>): string {
  return `${post.subject ? KIND_LABELS[post.subject.kind] : 'Review'}s`
}

/**
 * "Film review · Action": the kind, then the first tag that does not just name the kind again
 * (a review tagged "film" would read "Film review · film").
 */
export function kickerOf(post: Pick<Post, 'subject' | 'tags'>): string {
  const label = post.subject ? KIND_LABELS[post.subject.kind] : 'Review'
  const words = new Set([...label.toLocaleLowerCase().split(' '), label.toLocaleLowerCase(), post.subject?.kind ?? 'review'])
  const tag = post.tags.find((candidate) => {
    const name = candidate.trim().toLocaleLowerCase()
    return !words.has(name) && !words.has(name.replace(/s$/, ''))
  })
  return tag ? `${label} · ${tag}` : label
}

const CREATOR_LABELS: Record<SubjectKind, string> = {
  film: 'Directed by',
  series: 'Created by',
  season: 'Created by',
  episode: 'Directed by',
  book: 'By',
  game: 'By',
  album: 'By',
  show: 'By',
  other: 'By',
}

export function renderPage(post: Post, opts: PageOptions): string {
  const { shell, head } = renderPageShell(post, opts)
  return shell[0] + head.join('') + shell[1] + post.html + shell[2]
}

/** Stand for the head's elements and the body in the shell (escaped text never holds them). */
const HEAD_PLACE = '<!--verdict-head-->'
const BODY_PLACE = '<!--verdict-post-body-->'

/**
 * The page around the post's body: the head's elements after the charset and the policy, and the
 * rest of the page cut where those and the body go. `renderPage` puts them together. The preview
 * patches a page whose fixed parts did not change with the head's elements and the body's blocks
 * that did; a new policy (its meta cannot be taken back once in a page) changes a fixed part.
 */
export function renderPageShell(post: Post, opts: PageOptions): { shell: [start: string, middle: string, end: string]; head: string[] } {
  const css = [opts.theme.css, opts.userCss ? `/* Library theme.css */\n${opts.userCss}` : ''].filter(Boolean).map(escapeCss).join('\n\n')
  const styleHash = createHash('sha256').update(css, 'utf8').digest('base64')
  const csp = contentSecurityPolicy(post, opts.online, styleHash)

  const head: ElementContent[] = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { httpEquiv: 'Content-Security-Policy', content: csp }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'referrer', content: 'strict-origin-when-cross-origin' }),
    h('meta', { name: 'color-scheme', content: opts.colorScheme }),
    h('meta', { name: 'generator', content: 'Verdict' }),
    h('title', post.title),
  ]
  if (post.excerpt) head.push(h('meta', { name: 'description', content: post.excerpt }))
  if (post.byline.author) head.push(h('meta', { name: 'author', content: post.byline.author }))
  head.push(h('meta', { property: 'og:type', content: 'article' }), h('meta', { property: 'og:title', content: post.title }))
  if (post.excerpt) head.push(h('meta', { property: 'og:description', content: post.excerpt }))
  if (post.featuredImage && /^https:/.test(post.featuredImage.src)) head.push(h('meta', { property: 'og:image', content: post.featuredImage.src }))
  head.push(h('style', css))
  head.push(h('script', { type: 'application/ld+json' }, { type: 'raw', value: serializeJsonLd(post.jsonLd) } as unknown as ElementContent))

  const article = h('article', { className: ['post', ...(post.score ? ['post-has-score'] : []), ...(post.featuredImage ? ['post-has-featured'] : [])] }, [
    header(post),
    h('div', { className: ['post-body'] }, [{ type: 'raw', value: BODY_PLACE } as unknown as ElementContent]),
    ...footer(post),
  ])

  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: opts.lang ?? 'en', dataTheme: opts.theme.name, dataColorScheme: opts.colorScheme }, [
        h('head', [...head.slice(0, 2), { type: 'raw', value: HEAD_PLACE } as unknown as ElementContent]),
        h('body', { className: [`theme-${opts.theme.name}`, `scheme-${opts.colorScheme}`] }, [h('main', { className: ['site'] }, [article])]),
      ]),
    ],
  }
  const html = toHtml(tree, { allowDangerousHtml: true }) + '\n'
  const [headAt, bodyAt] = [html.indexOf(HEAD_PLACE), html.lastIndexOf(BODY_PLACE)]
  return {
    shell: [html.slice(0, headAt), html.slice(headAt + HEAD_PLACE.length, bodyAt), html.slice(bodyAt + BODY_PLACE.length)],
    head: head.slice(2).map((element) => toHtml(element, { allowDangerousHtml: true })),
  }
}

function header(post: Post): ElementContent {
  const children: ElementContent[] = []
  children.push(h('p', { className: ['post-kicker'] }, kickerOf(post)))
  children.push(h('h1', { className: ['post-title'] }, post.title))
  const subjectLine = post.subject ? subjectDetails(post.subject, post.title) : undefined
  if (subjectLine) children.push(h('p', { className: ['post-subject'] }, subjectLine))

  const byline: ElementContent[] = []
  if (post.byline.author) byline.push(h('span', { className: ['post-author'] }, [`By `, h('span', { className: ['post-author-name'] }, post.byline.author)]))
  if (post.byline.date) byline.push(h('time', { className: ['post-date'], dateTime: post.byline.date }, post.byline.dateLabel))
  if (post.readingTime.words > 0) byline.push(h('span', { className: ['post-reading-time'] }, post.readingTime.label))
  children.push(h('p', { className: ['post-byline'] }, byline.flatMap((part, i) => (i === 0 ? [part] : [h('span', { className: ['post-sep'], ariaHidden: 'true' }, ' · '), part]))))

  if (post.spoilers) children.push(h('p', { className: ['post-spoiler-warning'] }, SPOILER_WARNING))
  if (post.score) children.push(scoreBadge(post))
  if (post.featuredImage) children.push(featuredFigure(post.featuredImage))
  return h('header', { className: ['post-header'] }, children)
}

function subjectDetails(subject: Subject, postTitle: string): string | undefined {
  const parts: string[] = []
  const name = subject.title && subject.title !== postTitle ? subject.title : ''
  if (name || subject.year) parts.push([name, subject.year ? (name ? `(${subject.year})` : String(subject.year)) : ''].filter(Boolean).join(' '))
  if (subject.series && (subject.kind === 'season' || subject.kind === 'episode')) {
    const where = [subject.season !== undefined ? `Season ${subject.season}` : '', subject.episode !== undefined ? `Episode ${subject.episode}` : ''].filter(Boolean).join(', ')
    parts.push([subject.series, where].filter(Boolean).join(', '))
  }
  if (subject.creators.length > 0) parts.push(`${CREATOR_LABELS[subject.kind]} ${listOf(subject.creators)}`)
  if (subject.cast.length > 0) parts.push(`Starring ${listOf(subject.cast.slice(0, 4))}`)
  if (subject.runtime) parts.push(`${subject.runtime} min`)
  if (subject.platform) parts.push(subject.platform)
  return parts.length > 0 ? parts.join(' · ') : undefined
}

function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

function scoreBadge(post: Post): ElementContent {
  const score = post.score!
  const value: ElementContent[] =
    score.scale === 'letter'
      ? [h('span', { className: ['post-score-number'] }, score.raw)]
      : [h('span', { className: ['post-score-number'] }, score.display.split('/')[0]!), h('span', { className: ['post-score-best'] }, `/${score.bestRating}`)]
  const children: ElementContent[] = [h('span', { className: ['post-score-label'] }, score.label), h('span', { className: ['post-score-value'] }, value)]
  if (score.scale === '5') {
    children.push(h('span', { className: ['post-score-stars'], ariaHidden: 'true' }, starStates(score.ratingValue).map((state) => h('span', { className: ['star', `star-${state}`] }, '★'))))
  }
  return h('div', { className: ['post-score', `post-score-scale-${score.scale}`], role: 'img', ariaLabel: `${score.label}: ${spokenScore(score)}` }, children)
}

function featuredFigure(image: PostImage): ElementContent {
  const caption: ElementContent[] = []
  if (image.caption) caption.push(h('span', { className: ['figure-caption'] }, image.caption))
  if (image.credit) {
    if (caption.length > 0) caption.push({ type: 'text', value: ' ' })
    caption.push(h('span', { className: ['figure-credit'] }, creditLine(image.credit, 'Image: ')))
  }
  return h('figure', { className: ['post-featured', 'figure', 'figure-full'] }, [
    h('img', { src: image.src, alt: image.alt, decoding: 'async' }),
    ...(caption.length > 0 ? [h('figcaption', caption)] : []),
  ])
}

function footer(post: Post): ElementContent[] {
  if (post.tags.length === 0) return []
  return [
    h('footer', { className: ['post-footer'] }, [
      h('p', { className: ['post-tags-label'] }, 'Tags'),
      h('ul', { className: ['post-tags'] }, post.tags.map((tag) => h('li', { className: ['post-tag'] }, tag))),
    ]),
  ]
}

/** The policy's `img-src`: data: and wherever the post's images are. */
export function imageSources(post: Post): string {
  const images = new Set<string>(['data:'])
  for (const { src } of [...post.assets, ...(post.featuredImage ? [post.featuredImage] : [])]) {
    const source = cspSourceOf(src)
    if (source) images.add(source)
  }
  return `img-src ${[...images].join(' ')}`
}

function contentSecurityPolicy(post: Post, online: boolean, styleHash: string): string {
  return [
    "default-src 'none'",
    imageSources(post),
    `style-src 'sha256-${styleHash}'`,
    'font-src data:',
    "script-src 'none'",
    `frame-src ${online ? EMBED_FRAME_ORIGINS.join(' ') : "'none'"}`,
    "object-src 'none'",
    "media-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/**
 * CSS goes inside `<style>`, where HTML is not parsed but `</style` would still end the element:
 * every `<` is written as the CSS escape `\3c ` (the same character inside CSS strings; `<` has
 * no other meaning in CSS).
 */
export function escapeCss(css: string): string {
  return css.replace(/</g, '\\3c ')
}
