import { $isDecoratorNode, type NodeKey } from 'lexical'
import { Icon } from '@renderer/components/Icon'
import { useNodeControl } from './useNodeControl'

/** A card's trash button (image, trailer): the block leaves the text and the caret ends what stood before it. */
export function RemoveBlockButton({ nodeKey, label, className }: { nodeKey: NodeKey; label: string; className?: string }) {
  const { editable, change } = useNodeControl(nodeKey, $isDecoratorNode)
  const remove = () =>
    change((node) => {
      node.selectPrevious()
      node.remove()
    })
  return (
    <button type="button" className={className ? `icon-button ${className}` : 'icon-button'} aria-label={label} title={label} disabled={!editable} onClick={remove}>
      <Icon name="trash" size={16} />
    </button>
  )
}
