/** The spoiler in the editor (src/renderer/src/editor/criticBlocks.ts): its transform keeps it holding only what a spoiler may hold. */
import type { EditorBlock } from '@renderer/editor/criticBlocks'
import { spoilerModel } from '../model'
import { $normalizeSpoiler } from './normalize'
import { SpoilerNode } from './SpoilerNode'
import { INSERT_SPOILER_COMMAND, SpoilerPlugin } from './SpoilerPlugin'

export const spoilerEditor: EditorBlock<'spoiler'> = {
  model: spoilerModel,
  nodes: [SpoilerNode],
  Plugin: SpoilerPlugin,
  insert: {
    label: 'Spoiler',
    description: 'Hidden until the reader reveals it',
    keywords: ['spoiler', 'hide', 'hidden', 'reveal'],
    run: (editor) => editor.dispatchCommand(INSERT_SPOILER_COMMAND, undefined),
    opensDialog: false,
  },
  registerTransforms: (editor) => editor.registerNodeTransform(SpoilerNode, $normalizeSpoiler),
}
