import { useId, useState } from 'react'
import type { NodeKey } from 'lexical'
import { useNodeControl } from '../useNodeControl'
import { $isRawBlockNode } from './RawBlockNode'

interface Props {
  nodeKey: NodeKey
  markdown: string
}

/** The source of a raw block as a labelled textarea: it can be corrected in place, never dropped. */
export default function RawBlockComponent({ nodeKey, markdown }: Props) {
  const { editable, change } = useNodeControl(nodeKey, $isRawBlockNode)
  const labelId = useId()
  // Local text so the caret does not jump while the node update round-trips through Lexical;
  // resynchronised when the node changes from elsewhere (undo, redo).
  const [text, setText] = useState(markdown)
  const [seen, setSeen] = useState(markdown)
  if (markdown !== seen) {
    setSeen(markdown)
    setText(markdown)
  }

  const onChange = (value: string) => {
    setText(value)
    change((node) => node.setMarkdown(value))
  }

  return (
    <figure className="raw-block">
      <figcaption id={labelId} className="raw-block-label">
        Markdown kept as written
      </figcaption>
      <textarea
        aria-labelledby={labelId}
        className="raw-block-source"
        value={text}
        readOnly={!editable}
        spellCheck={false}
        rows={Math.max(2, text.split('\n').length)}
        onChange={(event) => onChange(event.target.value)}
      />
    </figure>
  )
}
