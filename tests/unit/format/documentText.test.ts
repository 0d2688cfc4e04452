/** What word counts read of a document (documentText in src/shared/document.ts). */
import { describe, expect, it } from 'vitest'
import { documentText } from '../../../src/shared/document'
import { wordCountOf } from '../../../src/main/services/format'
import { doc, image, paragraph, score, text } from '../../support/documents'

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
