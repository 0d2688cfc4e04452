/**
 * Three-way merge of two review bodies at the level of top-level blocks (the format layer's source
 * slices, markdown.ts): what each side did to the common base is found with a longest common
 * subsequence of blocks, and
 * - a block changed, removed or added on one side only is taken from that side;
 * - the same change on both sides is taken once;
 * - blocks changed differently on both sides are a conflict, for the critic to pick or edit.
 * Kept blocks keep their bytes, and so do the blocks taken from either side: the merged body is
 * their slices, joined as their own text joined them where it can.
 *
 * A line-based merge (diff3, git's) would split a paragraph re-wrapped on one side into many small
 * conflicts; a block is what the critic edits and what the editor shows.
 */
import { diffArrays } from 'diff'
import type { BlockJSON } from '../../../shared/document'
import { reviseBody } from '../format/bodyEdit'
import { readSourceBlocks, type SourceBlocks } from '../format/markdown'

export type Side = 'ours' | 'theirs'

/** Consecutive blocks `[start, end)` of one text. */
interface Run {
  text: SourceBlocks
  start: number
  end: number
}

export type BodyRegion =
  /** Taken without asking: kept on both sides (`both`), or changed on the side it names. */
  | { kind: 'taken'; side: Side | 'both'; runs: Run[] }
  | { kind: 'conflict'; ours: Run[]; theirs: Run[] }

export interface BodyMerge {
  ours: SourceBlocks
  theirs: SourceBlocks
  regions: BodyRegion[]
}

/** What the critic chose for one conflict: a side whole, or their own Markdown for it. */
export type Pick = Side | { markdown: string }

/** A side's change to the base: base blocks `[start, end)` became `run`. */
interface Edit {
  side: Side
  start: number
  end: number
  run: Run
}

const keyOf = (block: BlockJSON): string => JSON.stringify(block)
const keysOf = (text: SourceBlocks): string[] => text.blocks.map(({ block }) => keyOf(block))

/**
 * Merges `ours` and `theirs` from `base`. Without a base, the blocks the two sides share (in order)
 * stand for it: a block only one side has is then taken, never lost. `suspect` holds blocks of
 * versions older than the base: a one-sided change back to one of them may mean the base is newer
 * than that side's own past (a version only the other side went through), so it is asked, not taken.
 */
export function mergeBodies(base: SourceBlocks | undefined, ours: SourceBlocks, theirs: SourceBlocks, suspect: ReadonlySet<string> = new Set()): BodyMerge {
  const origin = base ?? sharedBlocks(ours, theirs)
  const originKeys = keysOf(origin)
  const oursEdits = editsOf(originKeys, ours, 'ours')
  const theirsEdits = editsOf(originKeys, theirs, 'theirs')
  // Where each base block sits in a side that kept it.
  const keptIn = (text: SourceBlocks): Map<number, number> => new Map(commonSubsequence(originKeys, keysOf(text)))
  const oursKept = keptIn(ours)
  const theirsKept = keptIn(theirs)
  const keptRun = (from: number, to: number, text: SourceBlocks, kept: Map<number, number>): Run[] =>
    runsOf(Array.from({ length: to - from }, (_, index) => ({ text, at: kept.get(from + index)! })))

  const regions: BodyRegion[] = []
  const push = (region: BodyRegion): void => {
    if (region.kind === 'taken' && region.runs.length === 0) return
    regions.push(region)
  }
  let at = 0
  for (const cluster of clusters([...oursEdits, ...theirsEdits])) {
    const start = Math.min(...cluster.map((edit) => edit.start))
    const end = Math.max(...cluster.map((edit) => edit.end))
    push({ kind: 'taken', side: 'both', runs: keptRun(at, start, ours, oursKept) })
    at = end
    const sideText = (side: Side): Run[] => {
      const [text, kept] = side === 'ours' ? [ours, oursKept] : [theirs, theirsKept]
      const runs: Run[] = []
      let position = start
      for (const edit of cluster.filter((e) => e.side === side)) {
        runs.push(...keptRun(position, edit.start, text, kept), ...(edit.run.end > edit.run.start ? [edit.run] : []))
        position = edit.end
      }
      runs.push(...keptRun(position, end, text, kept))
      return runs
    }
    const sides = new Set(cluster.map((edit) => edit.side))
    const [oursRuns, theirsRuns] = [sideText('ours'), sideText('theirs')]
    if (sides.size === 1) {
      const side = cluster[0]!.side
      const changed = side === 'ours' ? oursRuns : theirsRuns
      const added = changed.flatMap((run) => run.text.blocks.slice(run.start, run.end).map(({ block }) => keyOf(block)))
      // Taken, unless it only brings back blocks of older versions (see `suspect`).
      if (added.length === 0 || !added.every((key) => suspect.has(key))) push({ kind: 'taken', side, runs: changed })
      else push({ kind: 'conflict', ours: oursRuns, theirs: theirsRuns })
      continue
    }
    // One side's blocks all in the other's, in order (the same change, and more): the fuller side holds both.
    const [oursKeys, theirsKeys] = [runKeys(oursRuns), runKeys(theirsRuns)]
    if (contains(oursKeys, theirsKeys)) push({ kind: 'taken', side: oursKeys.length === theirsKeys.length ? 'both' : 'ours', runs: oursRuns })
    else if (contains(theirsKeys, oursKeys)) push({ kind: 'taken', side: 'theirs', runs: theirsRuns })
    else push({ kind: 'conflict', ours: oursRuns, theirs: theirsRuns })
  }
  push({ kind: 'taken', side: 'both', runs: keptRun(at, originKeys.length, ours, oursKept) })
  return { ours, theirs, regions }
}

/** The merged body, with one pick per conflict in order. */
export function mergedBody(merge: BodyMerge, picks: readonly Pick[]): string {
  const conflicts = merge.regions.filter((region) => region.kind === 'conflict').length
  if (picks.length !== conflicts) throw new Error(`${conflicts} conflicts need as many picks, not ${picks.length}.`)
  let next = 0
  const runs = merge.regions.flatMap((region): Run[] => {
    if (region.kind === 'taken') return region.runs
    const pick = picks[next++]!
    if (pick === 'ours') return region.ours
    if (pick === 'theirs') return region.theirs
    const text = readSourceBlocks(pick.markdown)
    return text.blocks.length ? [{ text, start: 0, end: text.blocks.length }] : []
  })
  const joined = joinRuns(merge.ours, runs)
  const meant = runKeys(runs)
  const read = keysOf(readSourceBlocks(joined))
  if (read.length === meant.length && read.every((key, index) => key === meant[index])) return joined
  // Slices that join into other blocks (two lists of one kind meeting): the format layer writes
  // them apart, keeping the bytes of every block of ours it can.
  return reviseBody(merge.ours, runs.flatMap((run) => run.text.blocks.slice(run.start, run.end).map(({ block }) => block))).body
}

/** The Markdown of some runs, as shown side by side. */
export function runsMarkdown(runs: readonly Run[]): string {
  return runs.length ? joinRuns(undefined, runs).replace(/\n+$/, '') : ''
}

function runKeys(runs: readonly Run[]): string[] {
  return runs.flatMap((run) => run.text.blocks.slice(run.start, run.end).map(({ block }) => keyOf(block)))
}

/** The runs' slices; between two runs that were neighbours in one text, that text's own gap, else a blank line. */
function joinRuns(frame: SourceBlocks | undefined, runs: readonly Run[]): string {
  let body = frame?.blocks[0] ? frame.source.slice(0, frame.blocks[0].from) : ''
  runs.forEach((run, index) => {
    const { source, blocks } = run.text
    const previous = runs[index - 1]
    if (previous) body += previous.text === run.text && previous.end === run.start ? source.slice(blocks[previous.end - 1]!.to, blocks[run.start]!.from) : '\n\n'
    body += source.slice(blocks[run.start]!.from, blocks[run.end - 1]!.to)
  })
  return runs.length ? `${body}\n` : body
}

/** Whether `part` is a subsequence of `whole`. */
function contains(whole: readonly string[], part: readonly string[]): boolean {
  let at = 0
  for (const key of whole) if (key === part[at]) at++
  return at === part.length
}

/** Single blocks, merged into runs where they follow each other in one text. */
function runsOf(items: ReadonlyArray<{ text: SourceBlocks; at: number }>): Run[] {
  const runs: Run[] = []
  for (const { text, at } of items) {
    const last = runs.at(-1)
    if (last && last.text === text && last.end === at) last.end++
    else runs.push({ text, start: at, end: at + 1 })
  }
  return runs
}

/**
 * What `side` changed of the base: the stretches between blocks both hold. A stretch replacing as
 * many blocks as it had is cut block by block, so a change to one block of it and another side's
 * change to its neighbour are two changes, not one conflict.
 */
function editsOf(baseKeys: readonly string[], text: SourceBlocks, side: Side): Edit[] {
  const matches = [...commonSubsequence(baseKeys, keysOf(text)), [baseKeys.length, text.blocks.length] as const]
  const edits: Edit[] = []
  let [b, s] = [0, 0]
  for (const [nextB, nextS] of matches) {
    if (nextB > b || nextS > s) {
      if (nextB - b === nextS - s) {
        for (let index = 0; index < nextB - b; index++) edits.push({ side, start: b + index, end: b + index + 1, run: { text, start: s + index, end: s + index + 1 } })
      } else {
        edits.push({ side, start: b, end: nextB, run: { text, start: s, end: nextS } })
      }
    }
    ;[b, s] = [nextB + 1, nextS + 1]
  }
  return edits
}

/**
 * Edits grouped where they touch the same base blocks (or insert at the same place); an insertion
 * where the other side's change begins or ends is apart from it.
 */
function clusters(edits: Edit[]): Edit[][] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end || (a.side === 'ours' ? -1 : 1))
  const groups: Edit[][] = []
  let end = -1
  let start = -1
  for (const edit of sorted) {
    const group = groups.at(-1)
    const overlaps = group && ((edit.start < end && start < edit.end) || (edit.start === edit.end && start === end && edit.start === start))
    if (group && overlaps) {
      group.push(edit)
      end = Math.max(end, edit.end)
    } else {
      groups.push([edit])
      ;[start, end] = [edit.start, edit.end]
    }
  }
  return groups
}

/** The blocks both texts hold, in order, as ours has them: the base when history has none. */
function sharedBlocks(ours: SourceBlocks, theirs: SourceBlocks): SourceBlocks {
  const matches = commonSubsequence(keysOf(ours), keysOf(theirs))
  return { ...ours, blocks: matches.map(([at]) => ours.blocks[at]!) }
}

/** Index pairs of the blocks two texts share, in order (Myers' diff, as history's text diff uses). */
function commonSubsequence(a: readonly string[], b: readonly string[]): Array<readonly [number, number]> {
  const pairs: Array<readonly [number, number]> = []
  let [i, j] = [0, 0]
  for (const change of diffArrays([...a], [...b])) {
    if (change.added) j += change.count
    else if (change.removed) i += change.count
    else for (let index = 0; index < change.count; index++) pairs.push([i++, j++])
  }
  return pairs
}
