import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { COMMAND_PRIORITY_EDITOR, createCommand, type LexicalCommand } from 'lexical'
import { DEFAULT_SCORE_LABEL, type ScoreFields } from '@shared/critic'
import { $createScoreNode, $scoreNodes, ScoreNode } from './ScoreNode'
import { OPENING_TAG } from '@renderer/editor/opening'
import { $insertBlock } from '@renderer/editor/plugins/insertBlocks'

/** Inserts a score widget at the caret; the review's first score is its overall score. */
export const INSERT_SCORE_COMMAND: LexicalCommand<Partial<ScoreFields> | undefined> = createCommand('INSERT_SCORE_COMMAND')

/**
 * Score widgets: insertion and the one-overall-score rule for scores that arrive by paste or undo
 * (their place at the top level of the text is kept by transforms.ts).
 */
export function ScorePlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_SCORE_COMMAND,
          (fields) => {
            const first = !$scoreNodes().some((node) => node.isOverall())
            $insertBlock($createScoreNode({ label: first ? DEFAULT_SCORE_LABEL : 'Score', overall: first, ...fields }), { topLevel: true })
            return true
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        // A pasted (or restored) overall score does not take the title from the one already there.
        editor.registerMutationListener(
          ScoreNode,
          (mutations, { updateTags }) => {
            // The review's own scores arriving as it is opened (opening.ts) are as the file has them.
            if (updateTags.has(OPENING_TAG)) return
            const created = new Set([...mutations].filter(([, mutation]) => mutation === 'created').map(([key]) => key))
            if (created.size === 0) return
            editor.update(() => {
              const overall = $scoreNodes().filter((node) => node.isOverall())
              if (overall.length < 2) return
              const keep = overall.find((node) => !created.has(node.getKey())) ?? overall[0]
              for (const node of overall) if (keep && !node.is(keep)) node.setOverall(false)
            })
          },
          { skipInitialization: true },
        ),
      ),
    [editor],
  )
  return null
}
