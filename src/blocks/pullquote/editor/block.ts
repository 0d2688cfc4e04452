/**
 * The pull quote in the editor (src/renderer/src/editor/criticBlocks.ts): at the top level of the
 * text, except that a spoiler turns one into a quote (the spoiler's transform).
 */
import { $isRootNode } from 'lexical'
import type { EditorBlock } from '@renderer/editor/criticBlocks'
import { $keepAtTopLevel } from '@renderer/editor/plugins/insertBlocks'
import { $isSpoilerNode } from '../../spoiler/editor/SpoilerNode'
import { pullquoteModel } from '../model'
import { PullQuoteNode } from './PullQuoteNode'
import { INSERT_PULLQUOTE_COMMAND, PullQuotePlugin } from './PullQuotePlugin'

export const pullquoteEditor: EditorBlock<'pullquote'> = {
  model: pullquoteModel,
  nodes: [PullQuoteNode],
  Plugin: PullQuotePlugin,
  insert: {
    label: 'Pull quote',
    description: 'A line set large in the page',
    keywords: ['pull quote', 'pullquote', 'quote', 'highlight'],
    run: (editor) => editor.dispatchCommand(INSERT_PULLQUOTE_COMMAND, undefined),
    opensDialog: false,
  },
  registerTransforms: (editor) =>
    editor.registerNodeTransform(PullQuoteNode, (node) => {
      const parent = node.getParent()
      if (parent && !$isRootNode(parent) && !$isSpoilerNode(parent)) $keepAtTopLevel(node)
    }),
}
