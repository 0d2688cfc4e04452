/** The image in the editor (src/renderer/src/editor/criticBlocks.ts): it keeps itself a block by its node's own `$transform`. */
import type { EditorBlock } from '@renderer/editor/criticBlocks'
import { imageModel } from '../model'
import { ImageNode } from './ImageNode'
import { ImagePlugin, OPEN_IMAGE_PICKER_COMMAND } from './ImagePlugin'

export const imageEditor: EditorBlock<'image'> = {
  model: imageModel,
  nodes: [ImageNode],
  Plugin: ImagePlugin,
  insert: {
    label: 'Image',
    description: 'A picture with caption and credit',
    keywords: ['image', 'picture', 'photo', 'figure', 'still', 'screenshot'],
    run: (editor) => editor.dispatchCommand(OPEN_IMAGE_PICKER_COMMAND, undefined),
    opensDialog: true,
  },
}
