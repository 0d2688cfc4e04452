import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { HeadingNode } from '@lexical/rich-text'
import { ListNode } from '@lexical/list'
import { mergeRegister } from '@lexical/utils'
import { TextNode } from 'lexical'
import { HEADING_TAGS, TEXT_FORMAT } from '@shared/document'

const MARKDOWN_FORMATS = Object.values(TEXT_FORMAT).reduce((all, bit) => all | bit, 0)

/**
 * Keeps the document within what a review's Markdown can store, whatever arrives by paste or a
 * stray shortcut (Ctrl+U): no underline or highlight, headings from h2 to h4 (the title is the h1),
 * bulleted instead of checklists. Otherwise the save would be refused or would silently drop them.
 */
export function SchemaPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          const format = node.getFormat()
          if (format & ~MARKDOWN_FORMATS) node.setFormat(format & MARKDOWN_FORMATS)
        }),
        editor.registerNodeTransform(HeadingNode, (node) => {
          const tag = node.getTag()
          if (!(HEADING_TAGS as readonly string[]).includes(tag)) node.setTag(tag === 'h1' ? 'h2' : 'h4')
        }),
        editor.registerNodeTransform(ListNode, (node) => {
          if (node.getListType() === 'check') node.setListType('bullet')
        }),
      ),
    [editor],
  )
  return null
}
