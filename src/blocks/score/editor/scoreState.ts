/**
 * The score widget's fields as Lexical NodeState, and the rules for its values. Plain module: no
 * React, no DOM, so headless tests can import it.
 *
 * A value read from a file is kept exactly as written, even when `checkScore` refuses it: the
 * widget shows why and the file is never silently changed. Values typed in the editor go through
 * `clampScore` (or the letter list) and are always valid.
 */
import { createState } from 'lexical'
import {
  DEFAULT_SCORE_LABEL,
  LETTER_GRADES,
  SCORE_SCALES,
  checkScore,
  clampScore,
  scaleBest,
  type ScoreFields,
  type ScoreScale,
  type SubScore,
} from '@shared/critic'

/** Generous caps so a pathological file cannot make the widget unusable; main has its own. */
const MAX_TEXT = 5000
const MAX_ITEMS = 100

function text(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT) : value
  // A hand-written `value: 9.5` arrives as a number: keep it as the text it was.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return fallback
}

function textList(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.slice(0, MAX_ITEMS).filter((item) => typeof item === 'string' || typeof item === 'number').map((item) => text(item))
}

function subScoreList(value: unknown): SubScore[] {
  if (!Array.isArray(value)) return []
  return value
    .slice(0, MAX_ITEMS)
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item))
    .map((item) => ({ label: text(item['label']), value: text(item['value']) }))
}

const sameJSON = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b)

export function parseScale(value: unknown): ScoreScale {
  const scale = typeof value === 'number' ? String(value) : value
  return (SCORE_SCALES as readonly unknown[]).includes(scale) ? (scale as ScoreScale) : '10'
}

export const valueState = createState('value', { parse: (v) => text(v) })
export const scaleState = createState('scale', { parse: parseScale })
export const labelState = createState('label', { parse: (v) => text(v, DEFAULT_SCORE_LABEL) })
export const overallState = createState('overall', { parse: (v) => v === true })
export const verdictState = createState('verdict', { parse: (v) => text(v) })
export const subScoresState = createState('subScores', { parse: subScoreList, isEqual: sameJSON })
export const prosState = createState('pros', { parse: textList, isEqual: sameJSON })
export const consState = createState('cons', { parse: textList, isEqual: sameJSON })

/** Every field through its parse: what a node holds for any input, trusted or not. */
export function parseScoreFields(input: Partial<Record<keyof ScoreFields, unknown>>): ScoreFields {
  return {
    value: valueState.parse(input.value),
    scale: scaleState.parse(input.scale),
    label: labelState.parse(input.label),
    overall: overallState.parse(input.overall),
    verdict: verdictState.parse(input.verdict),
    subScores: subScoresState.parse(input.subScores),
    pros: prosState.parse(input.pros),
    cons: consState.parse(input.cons),
  }
}

/** Why a value does not fit its scale, or null. An empty value is "not given yet", not an error. */
export function scoreProblem(value: string, scale: ScoreScale): string | null {
  if (value.trim() === '') return null
  const check = checkScore(value, scale)
  return check.ok ? null : check.message
}

/** A typed number brought onto the scale; an empty field stays empty. */
export function typedScore(input: string, scale: Exclude<ScoreScale, 'letter'>): string {
  const trimmed = input.trim()
  return trimmed === '' ? '' : clampScore(Number(trimmed), scale)
}

/**
 * The same judgement on another scale (9.5/10 → 4.5/5 → B+ …), so switching the scale never
 * leaves a value the new scale refuses. A value that was already invalid is kept as written.
 */
export function convertScore(value: string, from: ScoreScale, to: ScoreScale): string {
  if (from === to || value.trim() === '') return value
  const check = checkScore(value, from)
  if (!check.ok) return value
  const ratio = check.value / scaleBest(from)
  if (to === 'letter') {
    const rank = Math.round(ratio * (LETTER_GRADES.length - 1))
    return LETTER_GRADES[LETTER_GRADES.length - 1 - rank] ?? 'F'
  }
  return clampScore(ratio * scaleBest(to), to)
}

/** 0–1 for bars and stars; null when the value does not read on its scale. */
export function scoreRatio(value: string, scale: ScoreScale): number | null {
  if (value.trim() === '') return null
  const check = checkScore(value, scale)
  return check.ok ? check.value / scaleBest(scale) : null
}
