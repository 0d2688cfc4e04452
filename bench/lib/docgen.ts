/**
 * Review-like documents for the benchmarks, generated from a seed so every run and every candidate
 * sees exactly the same text: headings, paragraphs with bold, italics and links, a bulleted list, a
 * quote, images of a real PNG in `assets/`, and the overall score block. One block model is written
 * both as the review's Markdown and as plain HTML (for the contenteditable pages).
 */
import { createHash } from 'node:crypto'
import { deflateSync } from 'node:zlib'

/** The paragraph the typing benchmark types into (located by this phrase; plain text, no marks). */
export const MIDPOINT_PHRASE = 'Midpoint marker sentence'
/** The last block's text ends with this: once it is on screen the whole document is. */
export const END_PHRASE = 'benchmark review ends here'

type Inline = { kind: 'text' | 'bold' | 'italic'; text: string } | { kind: 'link'; text: string; href: string }
type Block =
  | { kind: 'h2' | 'h3'; text: string }
  | { kind: 'p'; inlines: Inline[] }
  | { kind: 'ul'; items: string[] }
  | { kind: 'quote'; text: string }
  | { kind: 'img'; alt: string }
  | { kind: 'score' }

export interface GeneratedReview {
  title: string
  words: number
  /** review.md: front matter and body. */
  file: string
  /** The Markdown body alone (what `$convertFromMarkdownString` gets). */
  markdown: string
  /** The same blocks as HTML (images as `assets/<name>`). */
  html: string
  /** `assets/<name>.png` → bytes. */
  assets: Map<string, Uint8Array>
}

const VOCABULARY = (
  'film story camera actor actress scene light shadow score sound music frame shot edit pace rhythm ' +
  'director script dialogue character motive arc ending opening sequence chase fight dance stage set ' +
  'colour city night rain street station train river winter summer house room door window mirror ' +
  'quiet loud sharp soft bright dark cold warm slow quick clever tender bruising stylish brutal lucid ' +
  'the a an and but or so yet of in on at by with from into over under after before while because ' +
  'is was are were has had does did can could will would might must should seems feels looks keeps ' +
  'moves turns holds gives takes makes builds breaks finds loses wins earns carries returns reveals ' +
  'every each some many few most more less much little long short first last early late whole half ' +
  'audience critic viewer reader season episode series chapter moment beat line image sequence cut ' +
  'performance restraint menace humour grief hope memory silence tension release promise payoff'
).split(' ')

/** mulberry32: small, fast, and the same sequence everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function words(rand: () => number, count: number): string[] {
  return Array.from({ length: count }, () => VOCABULARY[Math.floor(rand() * VOCABULARY.length)]!)
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length

function sentence(rand: () => number): string {
  return `${capitalise(words(rand, 8 + Math.floor(rand() * 12)).join(' '))}.`
}

function paragraph(rand: () => number): Inline[] {
  const inlines: Inline[] = []
  const sentences = 3 + Math.floor(rand() * 4)
  for (let i = 0; i < sentences; i++) {
    const text = sentence(rand)
    const roll = rand()
    if (roll < 0.5) {
      inlines.push({ kind: 'text', text: `${text} ` })
      continue
    }
    // Mark two or three words in the middle of the sentence.
    const parts = text.split(' ')
    const at = 1 + Math.floor(rand() * Math.max(1, parts.length - 4))
    const span = 2 + Math.floor(rand() * 2)
    const before = `${parts.slice(0, at).join(' ')} `
    const marked = parts.slice(at, at + span).join(' ')
    const after = ` ${parts.slice(at + span).join(' ')} `
    inlines.push({ kind: 'text', text: before })
    if (roll < 0.7) inlines.push({ kind: 'bold', text: marked })
    else if (roll < 0.85) inlines.push({ kind: 'italic', text: marked })
    else inlines.push({ kind: 'link', text: marked, href: `https://example.com/${marked.replace(/[^a-z]+/gi, '-').toLowerCase()}` })
    inlines.push({ kind: 'text', text: after })
  }
  const last = inlines.at(-1)!
  last.text = last.text.trimEnd()
  return inlines.filter((inline) => inline.text.length > 0)
}

const blockText = (block: Block): string => {
  switch (block.kind) {
    case 'p':
      return block.inlines.map((inline) => inline.text).join('')
    case 'ul':
      return block.items.join(' ')
    case 'img':
    case 'score':
      return ''
    default:
      return block.text
  }
}

function blocksFor(targetWords: number, seed: number): Block[] {
  const rand = random(seed)
  const blocks: Block[] = []
  let count = 0
  let sinceHeading = 0
  let sinceImage = 0
  let sinceList = 0
  let midpointDone = false
  const push = (block: Block) => {
    blocks.push(block)
    const n = countWords(blockText(block))
    count += n
    sinceHeading += n
    sinceImage += n
    sinceList += n
  }
  push({ kind: 'p', inlines: paragraph(rand) })
  const body = targetWords - 90 // room for the closing section
  while (count < body) {
    if (!midpointDone && count >= body / 2) {
      midpointDone = true
      push({ kind: 'p', inlines: [{ kind: 'text', text: `${MIDPOINT_PHRASE}: ${sentence(rand)} ${sentence(rand)}` }] })
      continue
    }
    if (sinceHeading > 350 + rand() * 200) {
      sinceHeading = 0
      push({ kind: rand() < 0.8 ? 'h2' : 'h3', text: capitalise(words(rand, 2 + Math.floor(rand() * 4)).join(' ')) })
    } else if (sinceImage > 1200 + rand() * 600) {
      sinceImage = 0
      push({ kind: 'img', alt: capitalise(words(rand, 4).join(' ')) })
    } else if (sinceList > 2000 + rand() * 1000) {
      sinceList = 0
      push({ kind: 'ul', items: Array.from({ length: 3 + Math.floor(rand() * 3) }, () => capitalise(words(rand, 3 + Math.floor(rand() * 5)).join(' '))) })
      push({ kind: 'quote', text: sentence(rand) })
    } else {
      push({ kind: 'p', inlines: paragraph(rand) })
    }
  }
  if (!midpointDone) blocks.splice(Math.floor(blocks.length / 2), 0, { kind: 'p', inlines: [{ kind: 'text', text: `${MIDPOINT_PHRASE}: ${sentence(rand)}` }] })
  if (!blocks.some((block) => block.kind === 'img')) blocks.splice(1, 0, { kind: 'img', alt: 'A dancer mid-leap' })
  push({ kind: 'h2', text: 'Verdict' })
  push({ kind: 'score' })
  while (count < targetWords - 20) push({ kind: 'p', inlines: paragraph(rand) })
  push({ kind: 'p', inlines: [{ kind: 'text', text: `${sentence(rand)} The ${END_PHRASE}.` }] })
  return blocks
}

const SCORE_MARKDOWN = '::score[Overall Score]{value="9" scale="10" overall}'

function toMarkdown(blocks: Block[], image: string): string {
  const inline = (i: Inline) =>
    i.kind === 'bold' ? `**${i.text}**` : i.kind === 'italic' ? `*${i.text}*` : i.kind === 'link' ? `[${i.text}](${i.href})` : i.text
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'h2':
          return `## ${block.text}`
        case 'h3':
          return `### ${block.text}`
        case 'p':
          return block.inlines.map(inline).join('')
        case 'ul':
          return block.items.map((item) => `- ${item}`).join('\n')
        case 'quote':
          return `> ${block.text}`
        case 'img':
          return `![${block.alt}](${image})`
        case 'score':
          return SCORE_MARKDOWN
      }
    })
    .join('\n\n')
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function toHtml(blocks: Block[], image: string): string {
  const inline = (i: Inline) =>
    i.kind === 'bold'
      ? `<strong>${escape(i.text)}</strong>`
      : i.kind === 'italic'
        ? `<em>${escape(i.text)}</em>`
        : i.kind === 'link'
          ? `<a href="${escape(i.href)}">${escape(i.text)}</a>`
          : escape(i.text)
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'h2':
        case 'h3':
          return `<${block.kind}>${escape(block.text)}</${block.kind}>`
        case 'p':
          return `<p>${block.inlines.map(inline).join('')}</p>`
        case 'ul':
          return `<ul>${block.items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`
        case 'quote':
          return `<blockquote>${escape(block.text)}</blockquote>`
        case 'img':
          return `<p><img src="${image}" alt="${escape(block.alt)}" width="640" height="400"></p>`
        case 'score':
          return '<section class="score" contenteditable="false"><strong>Overall Score</strong> <data value="9">9</data>/10</section>'
      }
    })
    .join('')
}

/** A real 640×400 PNG (a gradient): small, but decoded and painted like a photo would be. */
export function makePng(width = 640, height = 400): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = (x * 255) / width
      raw[row + 2 + x * 3] = (y * 255) / height
      raw[row + 3 + x * 3] = 128
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export function frontMatter(fields: { title: string; status?: string; tags?: string[]; excerpt?: string; updated?: string }): string {
  const updated = fields.updated ?? '2026-11-20T09:00:00.000Z'
  return [
    '---',
    `title: ${JSON.stringify(fields.title)}`,
    'author: Ana Critic',
    `date: ${updated.slice(0, 10)}`,
    `status: ${fields.status ?? 'draft'}`,
    `tags: ${JSON.stringify(fields.tags ?? ['film'])}`,
    `excerpt: ${JSON.stringify(fields.excerpt ?? '')}`,
    `created: ${updated}`,
    `updated: ${updated}`,
    '---',
    '',
  ].join('\n')
}

let png: Uint8Array | undefined

/** A review of about `targetWords` words (the closing section rounds it up a little). */
export function generateReview(targetWords: number, title: string, seed = targetWords, meta: Omit<Parameters<typeof frontMatter>[0], 'title'> = {}): GeneratedReview {
  png ??= makePng()
  const name = `${createHash('sha256').update(png).digest('hex').slice(0, 16)}.png`
  const image = `assets/${name}`
  const blocks = blocksFor(targetWords, seed)
  const markdown = `${toMarkdown(blocks, image)}\n`
  return {
    title,
    words: blocks.reduce((sum, block) => sum + countWords(blockText(block)), 0),
    file: `${frontMatter({ ...meta, title })}\n${markdown}`,
    markdown,
    html: toHtml(blocks, image),
    assets: new Map([[image, png]]),
  }
}

/** What the typing benchmark types: lowercase words and spaces in sentences of about 50 characters (nothing a Markdown shortcut reacts to). */
export function typingText(chars: number, seed = 7): string[] {
  const rand = random(seed)
  const segments: string[] = []
  let total = 0
  while (total < chars) {
    let segment = ''
    while (segment.length < 47) segment += ` ${words(rand, 1)[0]}`
    segment += '.'
    segments.push(segment)
    total += segment.length
  }
  return segments
}
