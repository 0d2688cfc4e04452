import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import { CRITIC_EDITOR_BLOCKS } from '../criticBlocks'
import { registerInsertShortcut } from './shortcuts'

/** Every critic block's plugin, and its Mod+Shift shortcut, which does what its Insert menu entry does. */
export function CriticBlocksPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () => mergeRegister(...CRITIC_EDITOR_BLOCKS.map(({ model, insert }) => registerInsertShortcut(editor, model.insert.key, () => insert.run(editor)))),
    [editor],
  )
  return (
    <>
      {CRITIC_EDITOR_BLOCKS.map(({ model, Plugin }) => (
        <Plugin key={model.type} />
      ))}
    </>
  )
}
