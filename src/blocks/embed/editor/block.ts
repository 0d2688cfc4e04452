/** The trailer in the editor (src/renderer/src/editor/criticBlocks.ts): a card at the top level of the text. */
import type { EditorBlock } from '@renderer/editor/criticBlocks'
import { $keepAtTopLevel } from '@renderer/editor/plugins/insertBlocks'
import { embedModel } from '../model'
import { EmbedNode } from './EmbedNode'
import { EmbedPlugin, OPEN_EMBED_DIALOG_COMMAND } from './EmbedPlugin'

export const embedEditor: EditorBlock<'embed'> = {
  model: embedModel,
  nodes: [EmbedNode],
  Plugin: EmbedPlugin,
  insert: {
    label: 'Trailer',
    description: 'A YouTube or Vimeo video',
    keywords: ['trailer', 'video', 'embed', 'youtube', 'vimeo', 'clip'],
    run: (editor) => editor.dispatchCommand(OPEN_EMBED_DIALOG_COMMAND, undefined),
    opensDialog: true,
  },
  registerTransforms: (editor) => editor.registerNodeTransform(EmbedNode, $keepAtTopLevel),
}
