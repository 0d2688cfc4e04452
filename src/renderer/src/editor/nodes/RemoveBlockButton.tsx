import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useLexicalEditable } from '@lexical/react/useLexicalEditable'
import { $isDecoratorNode, type NodeKey } from 'lexical'
import { Icon } from '@renderer/components/Icon'
import { updateNodeByKey } from './updateNodeByKey'

/** A card's trash button (image, trailer): the block leaves the text and the caret ends what stood before it. */
export function RemoveBlockButton({ nodeKey, label, className }: { nodeKey: NodeKey; label: string; className?: string }) {
  const [editor] = useLexicalComposerContext()
  const editable = useLexicalEditable()
  const remove = () =>
    updateNodeByKey(editor, nodeKey, $isDecoratorNode, (node) => {
      node.selectPrevious()
      node.remove()
    })
  return (
    <button type="button" className={className ? `icon-button ${className}` : 'icon-button'} aria-label={label} title={label} disabled={!editable} onClick={remove}>
      <Icon name="trash" size={16} />
    </button>
  )
}
