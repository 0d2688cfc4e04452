import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $dfsIterator, $findMatchingParent } from '@lexical/utils'
import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  HISTORIC_TAG,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical'
import { useCommand } from '@renderer/commands/commands'
import { findMatches, findPattern, MAX_MATCHES, type FindOptions, type Match, type Segment } from './textSearch'
import { FindBar } from './FindBar'
import { useMatchHighlights } from './useMatchHighlights'

/** Edits made while the bar is open are searched again once typing pauses this long. */
const RESEARCH_MS = 150

/** Each top-level block's text runs as last read, and the blocks edited since (their keys, or all). */
interface Reading {
  blocks: Map<NodeKey, Segment[]>
  stale: Set<NodeKey> | 'all'
}

/**
 * The text of the review as runs of text nodes, one per block (a line break starts another), read
 * top-level block by block: a block not edited since the last read keeps its runs.
 */
function readSegments(editor: LexicalEditor, reading: Reading): Segment[] {
  const blocks = new Map<NodeKey, Segment[]>()
  const segments = editor.getEditorState().read(() => {
    const all: Segment[] = []
    for (const block of $getRoot().getChildren()) {
      const key = block.getKey()
      const kept = reading.stale === 'all' || reading.stale.has(key) ? undefined : reading.blocks.get(key)
      const own = kept ?? $blockSegments(block)
      blocks.set(key, own)
      for (const segment of own) all.push(segment)
    }
    return all
  })
  reading.blocks = blocks
  reading.stale = new Set()
  return segments
}

/** The runs of one top-level block and the blocks inside it (list items, quotes). */
function $blockSegments(top: LexicalNode): Segment[] {
  const segments: Segment[] = []
  let segment: Segment | null = null
  let block: string | null = null
  for (const { node } of $dfsIterator(top)) {
    if ($isLineBreakNode(node)) segment = null
    if (!$isTextNode(node)) continue
    const parent = $findMatchingParent(node, (each) => $isElementNode(each) && !each.isInline())
    const key = parent?.getKey() ?? null
    if (!segment || key !== block) {
      segment = { nodes: [] }
      segments.push(segment)
      block = key
    }
    segment.nodes.push({ key: node.getKey(), text: node.getTextContent() })
  }
  return segments
}

/** Puts `text` where the match is: into its first node, the rest of the match removed. */
function $replaceMatch(match: Match, text: string): void {
  match.forEach((piece, index) => {
    const node = $getNodeByKey(piece.key)
    if (!$isTextNode(node)) return
    node.spliceText(piece.start, piece.end - piece.start, index === 0 ? text : '')
    if (index > 0 && node.getTextContentSize() === 0) node.remove()
  })
}

function $selectMatch(match: Match): void {
  const first = match[0]
  const last = match[match.length - 1]
  if (!first || !last) return
  const selection = $createRangeSelection()
  selection.anchor.set(first.key, first.start, 'text')
  selection.focus.set(last.key, last.end, 'text')
  $setSelection(selection)
}

/** Selected text short enough to be what the critic wants to find. */
function selectedQuery(editor: LexicalEditor): string | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection()
    const text = $isRangeSelection(selection) && !selection.isCollapsed() ? selection.getTextContent() : ''
    return text && text.length <= 200 && !text.includes('\n') ? text : null
  })
}

/**
 * Find & replace (Mod+F, Mod+H): matches are drawn with the CSS Custom Highlight API, so the
 * document is never touched to show them; replacing all is one edit, undone in one step. Nothing
 * runs while the bar is closed; while open, the blocks an edit touched are searched again once typing pauses.
 */
export function FindPlugin() {
  const [editor] = useLexicalComposerContext()
  const [mode, setMode] = useState<'closed' | 'find' | 'replace'>('closed')
  const [query, setQuery] = useState('')
  const [replacement, setReplacement] = useState('')
  const [options, setOptions] = useState<FindOptions>({ matchCase: false, wholeWord: false })
  const [segments, setSegments] = useState<Segment[]>([])
  const [current, setCurrent] = useState(0)
  // Set when the current match should be brought into view (not after an edit elsewhere).
  const reveal = useRef(false)
  const open = mode !== 'closed'

  const pattern = useMemo(() => findPattern(query, options), [query, options])
  // Edits while the bar is open re-read, re-search and re-highlight only the blocks they touched.
  const reading = useRef<Reading>({ blocks: new Map(), stale: 'all' })
  // The matches of this pattern found so far, segment by segment.
  const known = useMemo(() => (pattern ? new WeakMap<Segment, Match[]>() : undefined), [pattern])
  const matches = useMemo(() => (open && pattern ? findMatches(segments, pattern, MAX_MATCHES, known) : []), [open, pattern, segments, known])
  const index = matches.length === 0 ? -1 : Math.min(current, matches.length - 1)

  useEffect(() => {
    if (!open) return
    reading.current.stale = 'all'
    const frame = requestAnimationFrame(() => setSegments(readSegments(editor, reading.current)))
    let timer: ReturnType<typeof setTimeout> | undefined
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      const { stale } = reading.current
      // Undo, redo and a document set whole (only the root marked, by Lexical) keep node keys but
      // not what they held: everything is read again.
      const whole = tags.has(HISTORIC_TAG) || (dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.get('root') === false)
      if (whole) reading.current.stale = 'all'
      // An edit marks its block and every element above it, so the top-level block is among them.
      else if (stale !== 'all') for (const key of dirtyElements.keys()) stale.add(key)
      clearTimeout(timer)
      timer = setTimeout(() => setSegments(readSegments(editor, reading.current)), RESEARCH_MS)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
      unregister()
    }
  }, [editor, open])

  const currentMatch = index >= 0 ? matches[index] : undefined
  useMatchHighlights(editor, matches, currentMatch, reveal)

  const show = useCallback(
    (next: 'find' | 'replace') => {
      const selected = selectedQuery(editor)
      if (selected !== null) setQuery(selected)
      reveal.current = true
      setMode(next)
    },
    [editor],
  )
  const step = (by: number) => {
    if (!open) return show('find')
    if (matches.length === 0) return
    reveal.current = true
    setCurrent((index + by + matches.length) % matches.length)
  }
  const close = () => {
    setMode('closed')
    editor.update(() => {
      if (currentMatch) $selectMatch(currentMatch)
    })
    editor.focus()
  }
  /** Replaces on a fresh search, so the text replaced is the text there now. */
  const replace = (all: boolean) => {
    if (!pattern) return
    const fresh = findMatches(readSegments(editor, reading.current), pattern, MAX_MATCHES, known)
    const chosen = all ? fresh : fresh.slice(Math.max(index, 0), Math.max(index, 0) + 1)
    if (chosen.length === 0) return
    editor.update(
      () => {
        // Last first: a replacement never moves the offsets of a match before it in the same node.
        for (const match of [...chosen].reverse()) $replaceMatch(match, replacement)
      },
      { discrete: true, tag: HISTORY_PUSH_TAG },
    )
    reveal.current = !all
    setSegments(readSegments(editor, reading.current))
  }

  useCommand('find', () => show('find'))
  useCommand('replace', () => show('replace'))
  useCommand('findNext', () => step(1))
  useCommand('findPrevious', () => step(-1))

  if (!open) return null
  return (
    <FindBar
      replacing={mode === 'replace'}
      query={query}
      replacement={replacement}
      options={options}
      status={query === '' ? '' : matches.length === 0 ? 'No matches' : `${index + 1} of ${matches.length}`}
      canStep={matches.length > 0}
      onQuery={(value) => {
        reveal.current = true
        setCurrent(0)
        setQuery(value)
      }}
      onReplacement={setReplacement}
      onOptions={(patch) => setOptions((old) => ({ ...old, ...patch }))}
      onStep={step}
      onReplace={() => replace(false)}
      onReplaceAll={() => replace(true)}
      onToggleReplace={() => setMode(mode === 'replace' ? 'find' : 'replace')}
      onClose={close}
    />
  )
}
