/**
 * Builders of editor documents and review meta for the tests: each gives what a typical review
 * holds (the Ballerina review of the fixtures), and a test overrides only the fields it is about.
 */
import type { BlockJSON, EditorDocument, ParagraphJSON, RawBlockJSON, TextJSON } from '../../src/shared/document'
import type { ImageJSON } from '../../src/blocks/image/model'
import type { ScoreJSON } from '../../src/blocks/score/model'
import type { ReviewMeta } from '../../src/shared/model'

export const doc = (...children: BlockJSON[]): EditorDocument => ({ root: { type: 'root', children } })

export const text = (value: string, format = 0): TextJSON => ({ type: 'text', text: value, format })

export const paragraph = (value: string): ParagraphJSON => ({ type: 'paragraph', children: [text(value)] })

/** A block kept as the Markdown it was written in. */
export const raw = (markdown: string): RawBlockJSON => ({ type: 'raw-block', markdown })

export const image = (fields: Partial<ImageJSON> = {}): ImageJSON => ({
  type: 'image',
  src: 'assets/3f2a9c0d1e2b4a5f.png',
  alt: 'A dancer mid-leap',
  caption: '',
  credit: '',
  width: 'inline',
  ...fields,
})

/** The review's overall score, 9.5 out of 10, with no verdict or sections. */
export const score = (fields: Partial<ScoreJSON> = {}): ScoreJSON => ({
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

export const meta = (fields: Partial<ReviewMeta> = {}): ReviewMeta => ({
  title: 'Ballerina',
  author: 'Ana Critic',
  date: '2026-11-25',
  tags: [],
  excerpt: '',
  status: 'draft',
  created: '2026-11-20T09:12:00.000Z',
  updated: '2026-11-25T10:40:00.000Z',
  extra: {},
  ...fields,
})
