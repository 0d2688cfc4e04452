import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useLexicalEditable } from '@lexical/react/useLexicalEditable'
import { $getNodeByKey, type LexicalNode, type NodeKey } from 'lexical'

/**
 * What a block's React control needs of the node it draws: the editor, whether it may be edited,
 * and `change`, which finds the node again by its key inside the update: the control may outlive
 * the node (removed, or replaced by undo), and then nothing happens.
 */
export function useNodeControl<N extends LexicalNode>(nodeKey: NodeKey, is: (node: LexicalNode | null) => node is N) {
  const [editor] = useLexicalComposerContext()
  const editable = useLexicalEditable()
  const change = (apply: (node: N) => void) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey)
      if (is(node)) apply(node)
    })
  return { editor, editable, change }
}
