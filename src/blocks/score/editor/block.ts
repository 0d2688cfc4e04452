/** The score in the editor (src/renderer/src/editor/criticBlocks.ts): a widget at the top level of the text. */
import type { EditorBlock } from '@renderer/editor/criticBlocks'
import { $keepAtTopLevel } from '@renderer/editor/plugins/insertBlocks'
import { scoreModel } from '../model'
import { ScoreNode } from './ScoreNode'
import { INSERT_SCORE_COMMAND, ScorePlugin } from './ScorePlugin'

export const scoreEditor: EditorBlock<'score'> = {
  model: scoreModel,
  nodes: [ScoreNode],
  Plugin: ScorePlugin,
  insert: {
    label: 'Score',
    description: 'Rating with verdict, sub-scores, pros and cons',
    keywords: ['score', 'rating', 'grade', 'stars', 'verdict'],
    run: (editor) => editor.dispatchCommand(INSERT_SCORE_COMMAND, undefined),
    opensDialog: false,
  },
  registerTransforms: (editor) => editor.registerNodeTransform(ScoreNode, $keepAtTopLevel),
}
