/** What word counts read of a document (documentText in src/shared/document.ts). */
import { describe, expect, it } from 'vitest'
import { documentText, type BlockJSON, type EditorDocument, type ParagraphJSON } from '../../../src/shared/document'
import type { ImageJSON } from '../../../src/blocks/image/model'
import type { ScoreJSON } from '../../../src/blocks/score/model'
import { wordCountOf } from '../../../src/main/services/format'

const doc = (...children: BlockJSON[]): EditorDocument => ({ root: { type: 'root', children } })
const image = (fields: Partial<ImageJSON> = {}): ImageJSON => ({
  type: 'image',
  src: 'assets/3f2a9c0d1e2b4a5f.png',
  alt: '',
  caption: '',
  credit: '',
  width: 'inline',
  ...fields,
})
const text = (value: string, format = 0) => ({ type: 'text' as const, text: value, format })
const paragraph = (value: string): ParagraphJSON => ({ type: 'paragraph', children: [text(value)] })
const score = (fields: Partial<ScoreJSON> = {}): ScoreJSON => ({
  type: 'score',
  value: '9.5',
  scale: '10',
  label: 'Overall Score',
  overall: true,
  verdict: '',
  subScores: [],
  pros: [],
  cons: [],
  ...fields,
})

describe('word count', () => {
  it('counts verdicts, pros, cons, captions and spoiler text, not labels, scores, credits or alt text', () => {
    const body = doc(
      score({ label: 'Label words here', verdict: 'One two three.', subScores: [{ label: 'Story', value: '9' }], pros: ['Four five'], cons: ['Six'] }),
      image({ alt: 'Alt words', caption: 'Seven eight', credit: 'Credit words' }),
      { type: 'spoiler', label: 'Spoiler label', children: [paragraph('Nine ten')] },
      { type: 'pullquote', children: [text('Eleven')] },
      { type: 'embed', url: 'https://youtu.be/0FSwsrFpkbw' },
    )
    expect(wordCountOf(body)).toBe(11)
    expect(documentText(body)).toContain('One two three.')
  })

  it('keeps a block kept as written apart from the block after it', () => {
    expect(wordCountOf(doc({ type: 'raw-block', markdown: '{: .lead}' }, paragraph('Next')))).toBe(2)
  })
})
