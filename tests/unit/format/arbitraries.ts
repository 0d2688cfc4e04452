/**
 * fast-check generators of editor documents as the renderer may send them: every supported node,
 * text full of Markdown syntax and edge whitespace, every format bit (also ones Markdown lacks),
 * odd URLs, nested lists, raw blocks drawn from valid constructs the editor cannot hold, and the
 * critic blocks with every field, hostile strings in labels, verdicts, captions, credits and alt.
 */
import fc from 'fast-check'
import { IMAGE_WIDTHS, SCORE_SCALES } from '../../../src/shared/critic'
import type { BlockJSON, EditorDocument, InlineJSON, LineBreakJSON, LinkJSON, ListItemJSON, ListJSON, TextJSON } from '../../../src/shared/document'
import type { EmbedJSON } from '../../../src/blocks/embed/model'
import type { ImageJSON } from '../../../src/blocks/image/model'
import type { PullQuoteJSON } from '../../../src/blocks/pullquote/model'
import type { ScoreJSON } from '../../../src/blocks/score/model'
import type { SpoilerContentJSON, SpoilerJSON } from '../../../src/blocks/spoiler/model'

/** Runs and seed can be set from the environment to reproduce a failure: FC_SEED=… FC_RUNS=… */
export const fcOptions = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Number(process.env.FC_RUNS ?? numRuns),
  ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}),
})

/** Pieces that mean something to a Markdown parser somewhere. */
const SYNTAX = [
  '*', '**', '_', '__', '~', '~~', '`', '``', '\\', '#', '## ', '1.', '1)', '-', '- ', '+ ', '>', '> ',
  '[', ']', '(', ')', '[x]', '[ ] ', '![', '<', '>', '<br>', '<div>', '<!---->', '&', '&amp;', '&#42;',
  '|', '|-|', ':', '::', ':::', 'a:b', '10:30', '{', '}', '"', "'", '=', '===', '---', '***', '___',
  '```', '~~~', '[^1]', '[a]: /u', 'www.example.com', 'http://x.y', 'a@b.co', '$', '%', '!',
  ':::spoiler', '::score[x]{value="1"}', '::embed{url="u"}', 'Verdict:', 'Pros:', 'Sub-scores:', '- Story: 9',
  '![a](assets/a.png)', ']{', '&#x22;', '&quot;', '\\]',
]
const SPACE = [' ', '  ', '\t', '\u00a0', '\u2003', '    ', '\n', '\r\n', '\r']
const WORDS = ['a', 'word', 'Über', 'ﬁlm', '9.5', 'x_y', '😀', '中文', 'e\u0301']

export const textArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...SYNTAX) },
      { weight: 2, arbitrary: fc.constantFrom(...SPACE) },
      { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''))

/** Format bits: bold, italic, strikethrough, code and Lexical's others (underline, sub, sup, …). */
const formatArb = fc.oneof(
  fc.constantFrom(0, 1, 2, 4, 16, 3, 5, 6, 7, 17, 18, 20, 23),
  fc.integer({ min: 0, max: 255 }),
)

const textNodeArb: fc.Arbitrary<TextJSON> = fc.record(
  {
    type: fc.constant('text' as const),
    text: textArb,
    format: formatArb,
    detail: fc.constant(0),
    mode: fc.constant('normal' as const),
    style: fc.constantFrom('', 'color: red'),
    version: fc.constant(1),
  },
  { requiredKeys: ['type', 'text', 'format'] },
)

const lineBreakArb: fc.Arbitrary<LineBreakJSON> = fc.constant({ type: 'linebreak' as const })

const urlArb = fc.oneof(
  fc.constantFrom(
    'https://example.com/film?id=1&x=2#top', 'mailto:critic@example.com', 'assets/a b.png', '', '<>', 'a)b(c',
    'https://x.y/(paren)', 'x\ny', 'x\n\ny', 'tab\there', '\\', '"q"', '#frag', 'javascript:alert(1)', 'ünï',
  ),
  textArb,
)

const linkArb: fc.Arbitrary<LinkJSON> = fc.record(
  {
    type: fc.constant('link' as const),
    url: urlArb,
    title: fc.option(fc.oneof(textArb, fc.constantFrom('', 'A "quoted" (title)', "it's")), { nil: null }),
    rel: fc.constant('noreferrer'),
    target: fc.constant(null),
    children: fc.array(fc.oneof({ weight: 4, arbitrary: textNodeArb }, { weight: 1, arbitrary: lineBreakArb }), {
      maxLength: 4,
    }),
  },
  { requiredKeys: ['type', 'url', 'children'] },
)

export const inlineArb: fc.Arbitrary<InlineJSON[]> = fc.array(
  fc.oneof({ weight: 8, arbitrary: textNodeArb }, { weight: 2, arbitrary: lineBreakArb }, { weight: 2, arbitrary: linkArb }),
  { maxLength: 8 },
)

/** Valid Markdown blocks the editor keeps verbatim, each one block on its own. */
export const RAW_SAMPLES = [
  '| Film | Score |\n| ---- | ----: |\n| Alien | 9 |',
  '<div class="note">\n<p>Hi</p>\n</div>',
  '<!-- a comment -->',
  '```js\nconst x = 1\n\n```',
  '~~~\nplain\n~~~',
  '    indented code\n    more',
  '# Heading one',
  '##### Heading five',
  'Setext one\n==========',
  '[^1]: A footnote\n    that continues.',
  '[ref]: https://example.com "Title"',
  '![A still](assets/still.png "Still")',
  'Text with <b>inline html</b>.',
  '- [ ] task\n- [x] done',
  '* [ ] star task',
  '+ [x] plus task',
  '1. [ ] numbered task',
  '3) [x] paren task',
  '> one\n>\n> two',
  '> > nested quote',
  '::unknown{a="b"}',
  ':::aside\nInside\n:::',
  '- item\n\n  ```\n  code in a list\n  ```',
  // Critic blocks the editor cannot hold as nodes.
  '![Outside](../still.png)',
  '![Remote](https://example.com/still.png)',
  '![Encoded](assets/%2e%2e/x.png)',
  '::score{value="9" scale="7"}',
  '::score[*Bold* label]{value="9"}',
  '::score{value="9" id="x"}',
  ':::score{value="9"}\nSomething else\n:::',
  ':::score{value="9"}\nPros:\n:::',
  '::embed{url="https://example.com/video"}',
  '::embed[Trailer]{url="https://youtu.be/0FSwsrFpkbw"}',
  ':::pullquote\nOne\n\nTwo\n:::',
  ':::spoiler{open}\nHidden\n:::',
  ':::figure[Label]\n![a](assets/a.png)\n:::',
  ':::figure{width="huge"}\n![a](assets/a.png)\n:::',
  ':::figure\n![a](assets/a.png)\n\n*Formatted* caption\n:::',
]

const paragraphArb = fc.record({ type: fc.constant('paragraph' as const), children: inlineArb })
const headingArb = fc.record({
  type: fc.constant('heading' as const),
  tag: fc.constantFrom('h2' as const, 'h3' as const, 'h4' as const),
  children: inlineArb,
})
const quoteArb = fc.record({ type: fc.constant('quote' as const), children: inlineArb })
const ruleArb = fc.constant({ type: 'horizontalrule' as const })
const rawArb = fc.record({ type: fc.constant('raw-block' as const), markdown: fc.constantFrom(...RAW_SAMPLES) })

const startArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(1) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 2_000_000_000 }) },
)

function listArb(depth: number): fc.Arbitrary<ListJSON> {
  const inlineItem: fc.Arbitrary<ListItemJSON> = fc.record({
    type: fc.constant('listitem' as const),
    value: fc.integer({ min: 0, max: 9 }),
    children: inlineArb,
  })
  const item =
    depth === 0
      ? inlineItem
      : fc.oneof(
          { weight: 3, arbitrary: inlineItem },
          {
            weight: 1,
            arbitrary: listArb(depth - 1).map(
              (nested): ListItemJSON => ({ type: 'listitem', value: 1, children: [nested] }),
            ),
          },
        )
  return fc.record({
    type: fc.constant('list' as const),
    listType: fc.constantFrom('bullet' as const, 'number' as const),
    start: startArb,
    children: fc.array(item, { maxLength: 4 }),
  })
}

/** Text that attacks directive syntax: labels, attribute values, fences. */
export const hostileArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: textArb },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.constantFrom(
          ']', '[', '}', '{', '"', "'", ':::', '::', '\\', ']{x="y"}', '\n', '\r\n', '\t', ' ', '&#x22;', '&amp;', '&',
          '#id', '.class', '=', '`', '*', '_', '<', '>', '(', ')', '!', 'Overall Score', 'Ünï', '😀', 'e\u0301', '\u00a0', ':',
          '__proto__', 'x="1"',
        ),
        { maxLength: 6 },
      )
      .map((parts) => parts.join('')),
  },
)

/** A score value as the file may hold it: valid, out of scale, nonsense, hostile. */
const scoreValueArb = fc.oneof(
  fc.constantFrom('9.5', '10', '4.5', '87', 'A-', 'b+', '11', '9.55', '-1', '', ' 9 ', 'ten', '0'),
  hostileArb,
)
/** Sub-score values are one word (the score's markdown.ts); edge whitespace is trimmed. */
const subScoreValueArb = fc.oneof(
  fc.constantFrom('9', '10', '4.5', 'A+', '', ' 8 ', '11', 'x]y', '*', '"q"'),
  textArb.map((text) => text.replace(/[\s:]/g, '')),
)

export const scoreArb: fc.Arbitrary<ScoreJSON> = fc.record({
  type: fc.constant('score' as const),
  value: scoreValueArb,
  scale: fc.constantFrom(...SCORE_SCALES),
  label: hostileArb,
  overall: fc.boolean(),
  verdict: fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 3, arbitrary: hostileArb }),
  subScores: fc.array(fc.record({ label: hostileArb, value: subScoreValueArb }), { maxLength: 3 }),
  pros: fc.array(hostileArb, { maxLength: 3 }),
  cons: fc.array(hostileArb, { maxLength: 3 }),
})

/** Paths inside the review folder (isSafeAssetPath), with characters Markdown destinations must escape. */
const segmentArb = fc
  .array(fc.constantFrom('a', 'still', '3f2a', '.png', ' ', '(', ')', '<', '>', '[', ']', '"', "'", '`', '*', '_', '&', '!', 'ü', '😀', '\t', '{', '}', '\u0001', '\u007f', '\u0085', '\n'), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(''))
  .filter((part) => part !== '.' && part !== '..')
export const assetPathArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('assets/3f2a9c0d1e2b4a5f.png', 'assets/a b.png', 'assets/a(b).png', 'still.png', 'img/x y/z.webp') },
  { weight: 3, arbitrary: fc.array(segmentArb, { minLength: 1, maxLength: 3 }).map((parts) => `assets/${parts.join('/')}`) },
)

export const imageArb: fc.Arbitrary<ImageJSON> = fc.record({
  type: fc.constant('image' as const),
  src: assetPathArb,
  alt: hostileArb,
  caption: fc.oneof(fc.constant(''), hostileArb),
  credit: fc.oneof(fc.constant(''), hostileArb),
  width: fc.constantFrom(...IMAGE_WIDTHS),
})

export const EMBED_URLS = [
  'https://www.youtube.com/watch?v=0FSwsrFpkbw',
  'https://www.youtube.com/watch?v=0FSwsrFpkbw&t=42s',
  'https://youtu.be/0FSwsrFpkbw?si="q"&x={}',
  'http://m.youtube.com/shorts/0FSwsrFpkbw',
  ' https://www.youtube-nocookie.com/embed/0FSwsrFpkbw ',
  'https://youtu.be/0FSwsrFpkbw#]}:::',
  'https://www.youtube.com/watch?v=0FSw\nsrFpkbw',
  'https://vimeo.com/76979871',
  'https://player.vimeo.com/video/76979871?h=a&amp;b',
]
const embedArb: fc.Arbitrary<EmbedJSON> = fc.record({ type: fc.constant('embed' as const), url: fc.constantFrom(...EMBED_URLS) })

const pullquoteArb: fc.Arbitrary<PullQuoteJSON> = fc.record({ type: fc.constant('pullquote' as const), children: inlineArb })

const spoilerContentArb: fc.Arbitrary<SpoilerContentJSON> = fc.oneof(
  { weight: 5, arbitrary: paragraphArb },
  { weight: 1, arbitrary: headingArb },
  { weight: 1, arbitrary: quoteArb },
  { weight: 2, arbitrary: listArb(2) },
  { weight: 1, arbitrary: ruleArb },
  { weight: 2, arbitrary: rawArb },
  { weight: 2, arbitrary: imageArb },
)

export const spoilerArb: fc.Arbitrary<SpoilerJSON> = fc.record({
  type: fc.constant('spoiler' as const),
  label: fc.oneof(fc.constant('Spoilers'), hostileArb),
  children: fc.array(spoilerContentArb, { maxLength: 5 }),
})

export const blockArb: fc.Arbitrary<BlockJSON> = fc.oneof(
  { weight: 5, arbitrary: paragraphArb },
  { weight: 2, arbitrary: headingArb },
  { weight: 2, arbitrary: quoteArb },
  { weight: 3, arbitrary: listArb(3) },
  { weight: 1, arbitrary: ruleArb },
  { weight: 2, arbitrary: rawArb },
  { weight: 2, arbitrary: scoreArb },
  { weight: 2, arbitrary: imageArb },
  { weight: 2, arbitrary: spoilerArb },
  { weight: 1, arbitrary: pullquoteArb },
  { weight: 1, arbitrary: embedArb },
)

export const documentArb: fc.Arbitrary<EditorDocument> = fc
  .array(blockArb, { maxLength: 8 })
  .map((children) => ({ root: { type: 'root', children } }))
