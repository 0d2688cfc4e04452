/**
 * Score scales, validation and display. One place decides what `9.5` on the `10` scale or `B+` on
 * the letter scale means, for the score block, the header badge and JSON-LD alike.
 */
import { SCORE_SCALES, type PostScore, type ScoreScale } from './types'

/**
 * Letter grades on a 0–12 number line, worst to best: F=0, D-=1, D=2, D+=3, C-=4, C=5, C+=6, B-=7,
 * B=8, B+=9, A-=10, A=11, A+=12. JSON-LD publishes `ratingValue` on this line with `worstRating` 0
 * and `bestRating` 12, so the order (and the distance between neighbouring grades) survives.
 * Documented in docs/format.md's scale list by reference to this table.
 */
export const LETTER_GRADES = ['F', 'D-', 'D', 'D+', 'C-', 'C', 'C+', 'B-', 'B', 'B+', 'A-', 'A', 'A+'] as const
export type LetterGrade = (typeof LETTER_GRADES)[number]

interface ScaleInfo {
  best: number
  worst: number
  /** Allowed values: multiples of `step` between worst and best. */
  step: number
}

const SCALES: Record<Exclude<ScoreScale, 'letter'>, ScaleInfo> = {
  '10': { best: 10, worst: 0, step: 0.1 },
  '5': { best: 5, worst: 0, step: 0.5 },
  '100': { best: 100, worst: 0, step: 1 },
}

export function isScale(value: unknown): value is ScoreScale {
  return typeof value === 'string' && (SCORE_SCALES as readonly string[]).includes(value)
}

export type ParsedScore =
  | { ok: true; scale: ScoreScale; raw: string; ratingValue: number; bestRating: number; worstRating: number; display: string }
  | { ok: false; raw: string; reason: string }

const NUMBER = /^\d{1,3}(?:\.\d{1,2})?$/

/** Reads a value against its scale; out-of-scale values are reported, never clamped. */
export function parseScore(rawValue: unknown, rawScale: unknown): ParsedScore {
  const raw = typeof rawValue === 'number' ? String(rawValue) : typeof rawValue === 'string' ? rawValue.trim() : ''
  const scaleText = typeof rawScale === 'number' ? String(rawScale) : rawScale
  const scale: ScoreScale | undefined = scaleText === undefined || scaleText === '' ? '10' : isScale(scaleText) ? scaleText : undefined
  if (!scale) return { ok: false, raw, reason: `unknown scale “${String(rawScale)}”` }
  if (raw === '') return { ok: false, raw, reason: 'no value' }
  if (scale === 'letter') {
    const grade = normaliseGrade(raw)
    const index = grade === undefined ? -1 : LETTER_GRADES.indexOf(grade)
    if (grade === undefined || index < 0) return { ok: false, raw, reason: `“${raw}” is not a letter grade (A+ … F)` }
    return { ok: true, scale, raw: grade, ratingValue: index, bestRating: LETTER_GRADES.length - 1, worstRating: 0, display: grade }
  }
  const info = SCALES[scale]
  if (!NUMBER.test(raw)) return { ok: false, raw, reason: `“${raw}” is not a number` }
  const value = Number(raw)
  const steps = value / info.step
  if (value < info.worst || value > info.best || Math.abs(steps - Math.round(steps)) > 1e-9) {
    return { ok: false, raw, reason: `“${raw}” is not a valid score on the ${scaleName(scale)} scale` }
  }
  return { ok: true, scale, raw, ratingValue: value, bestRating: info.best, worstRating: info.worst, display: `${formatNumber(value)}/${info.best}` }
}

export function toPostScore(parsed: Extract<ParsedScore, { ok: true }>, label: string, verdict?: string): PostScore {
  const { ok: _ok, ...fields } = parsed
  return { label, ...fields, ...(verdict ? { verdict } : {}) }
}

function normaliseGrade(raw: string): LetterGrade | undefined {
  const text = raw.toUpperCase().replace(/[−–]/g, '-').replace(/\s+/g, '')
  return (LETTER_GRADES as readonly string[]).includes(text) ? (text as LetterGrade) : undefined
}

export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100)
}

export function scaleName(scale: ScoreScale): string {
  return scale === 'letter' ? 'letter-grade' : `0–${scale}`
}

/** Five star states for a value on the 5 scale: 4.5 → full×4, half×1. */
export function starStates(value: number): Array<'full' | 'half' | 'empty'> {
  return [1, 2, 3, 4, 5].map((n) => (value >= n ? 'full' : value >= n - 0.5 ? 'half' : 'empty'))
}

/** 0–100, rounded to a multiple of 5: the width class of score bars (`score-pct-85`). */
export function percentOf(score: { ratingValue: number; bestRating: number; worstRating: number }): number {
  const span = score.bestRating - score.worstRating
  const pct = span > 0 ? ((score.ratingValue - score.worstRating) / span) * 100 : 0
  return Math.max(0, Math.min(100, Math.round(pct / 5) * 5))
}

/** “4.5 out of 5”, “A- (letter grade)” — for screen readers. */
export function spokenScore(score: { scale: ScoreScale; raw: string; ratingValue: number; bestRating: number }): string {
  return score.scale === 'letter' ? `grade ${score.raw}` : `${formatNumber(score.ratingValue)} out of ${score.bestRating}`
}
