import { $getNodeByKey, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical'

/**
 * Changes the node a React control draws, found again by its key inside the update: the control
 * may outlive the node (removed, or replaced by undo), and then nothing happens.
 */
export function updateNodeByKey<N extends LexicalNode>(editor: LexicalEditor, nodeKey: NodeKey, is: (node: LexicalNode | null) => node is N, change: (node: N) => void): void {
  editor.update(() => {
    const node = $getNodeByKey(nodeKey)
    if (is(node)) change(node)
  })
}
