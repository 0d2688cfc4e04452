import { namedSignals } from '@lexical/extension'
import { registerLink } from '@lexical/link'
import { ListNode, registerList } from '@lexical/list'
import { HeadingNode } from '@lexical/rich-text'
import { TextNode, type LexicalEditor } from 'lexical'
import { HEADING_TAGS, TEXT_FORMAT } from '@shared/document'
import { isAllowedUrl } from '@renderer/lib/urls'
import { CRITIC_EDITOR_BLOCKS } from './criticBlocks'

const MARKDOWN_FORMATS = Object.values(TEXT_FORMAT).reduce((all, bit) => all | bit, 0)

/**
 * The editor's node transforms, with the list and link behaviour that carries some: registered as
 * the editor is created, before the review is set, so the review's first update (a parsed document
 * is all dirty) runs them. Registered from the plugins' effects, each marked every node of its type
 * dirty and ran a second update of the whole review, with a forced layout, right after it was
 * shown. They last as long as the editor.
 */
export function registerDocumentTransforms(editor: LexicalEditor): void {
  registerList(editor)
  registerLink(editor, namedSignals({ validateUrl: isAllowedUrl, attributes: undefined }))

  // Only what a review's Markdown can store, whatever arrives by paste or a stray shortcut
  // (Ctrl+U): no underline or highlight, headings from h2 to h4 (the title is the h1), bulleted
  // instead of checklists. Otherwise the save would be refused or would silently drop them.
  editor.registerNodeTransform(TextNode, (node) => {
    const format = node.getFormat()
    if (format & ~MARKDOWN_FORMATS) node.setFormat(format & MARKDOWN_FORMATS)
  })
  editor.registerNodeTransform(HeadingNode, (node) => {
    const tag = node.getTag()
    if (!(HEADING_TAGS as readonly string[]).includes(tag)) node.setTag(tag === 'h1' ? 'h2' : 'h4')
  })
  editor.registerNodeTransform(ListNode, (node) => {
    if (node.getListType() === 'check') node.setListType('bullet')
  })

  // Where each critic block may stand: each block's own (its editor/block.ts).
  for (const block of CRITIC_EDITOR_BLOCKS) block.registerTransforms?.(editor)
}
