/**
 * Scores as the pipeline shows and publishes them. Validation and the letter ladder come from
 * `src/shared/critic.ts`, so the editor, the file format and the page accept the same values.
 *
 * Letter grades are published on a 0–12 number line (shared `checkScore`): F=0, D-=1, D=2, D+=3,
 * C-=4, C=5, C+=6, B-=7, B=8, B+=9, A-=10, A=11, A+=12, with `worstRating` 0 and `bestRating` 12,
 * so the order and the distance between neighbouring grades survive in JSON-LD.
 */
import { checkScore, formatScore, LETTER_GRADES, SCORE_SCALES, scaleBest, type ScoreScale } from '../../../shared/critic'
import type { PostScore } from './postModel'

export { LETTER_GRADES }

export function isScale(value: unknown): value is ScoreScale {
  return typeof value === 'string' && (SCORE_SCALES as readonly string[]).includes(value)
}

export type ParsedScore =
  | { ok: true; scale: ScoreScale; raw: string; ratingValue: number; bestRating: number; worstRating: number; display: string }
  | { ok: false; raw: string; reason: string; unscored?: true }

/** Reads a value against its scale (default `10`); out-of-scale values are reported, never clamped. */
export function parseScore(rawValue: unknown, rawScale: unknown): ParsedScore {
  const raw = typeof rawValue === 'number' && Number.isFinite(rawValue) ? String(rawValue) : typeof rawValue === 'string' ? rawValue.trim() : ''
  const scaleText = typeof rawScale === 'number' ? String(rawScale) : rawScale
  const scale: ScoreScale | undefined = scaleText === undefined || scaleText === null || scaleText === '' ? '10' : isScale(scaleText) ? scaleText : undefined
  if (!scale) return { ok: false, raw, reason: `unknown scale “${String(rawScale)}”` }
  if (raw === '') return { ok: false, raw, reason: 'no value', unscored: true }
  const checked = checkScore(raw, scale)
  if (!checked.ok) return { ok: false, raw, reason: checked.message }
  const shown = scale === 'letter' ? raw.toUpperCase() : raw
  return { ok: true, scale, raw: shown, ratingValue: checked.value, bestRating: scaleBest(scale), worstRating: 0, display: formatScore(shown, scale) }
}

export function toPostScore(parsed: Extract<ParsedScore, { ok: true }>, label: string, verdict?: string): PostScore {
  const { ok: _ok, ...fields } = parsed
  return { label, ...fields, ...(verdict ? { verdict } : {}) }
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

/** Every width a score bar's class names (`score-pct-0` … `score-pct-100`). */
export const PERCENT_STEPS: readonly number[] = Array.from({ length: 21 }, (_, i) => i * 5)

/** 0–100, rounded to a multiple of 5: the width class of score bars (`score-pct-85`). */
export function percentOf(score: { ratingValue: number; bestRating: number; worstRating: number }): number {
  const span = score.bestRating - score.worstRating
  const pct = span > 0 ? ((score.ratingValue - score.worstRating) / span) * 100 : 0
  return Math.max(0, Math.min(100, Math.round(pct / 5) * 5))
}

/** “4.5 out of 5”, “grade A-” — for screen readers. */
export function spokenScore(score: { scale: ScoreScale; raw: string; ratingValue: number; bestRating: number }): string {
  return score.scale === 'letter' ? `grade ${score.raw}` : `${formatNumber(score.ratingValue)} out of ${score.bestRating}`
}
