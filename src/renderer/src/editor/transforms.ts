import { namedSignals } from '@lexical/extension'
import { registerLink } from '@lexical/link'
import { ListNode, registerList } from '@lexical/list'
import { $createQuoteNode, HeadingNode } from '@lexical/rich-text'
import {
  $createParagraphNode,
  $isDecoratorNode,
  $isElementNode,
  $isRootNode,
  TextNode,
  type LexicalEditor,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical'
import { HEADING_TAGS, TEXT_FORMAT, type CriticBlockType } from '@shared/document'
import { isAllowedUrl } from '@renderer/lib/urls'
import { $isEmbedNode, EmbedNode } from './nodes/embed/EmbedNode'
import { $isPullQuoteNode, PullQuoteNode } from '../../../blocks/pullquote/editor/PullQuoteNode'
import { $isScoreNode, ScoreNode } from './nodes/score/ScoreNode'
import { $isSpoilerNode, SpoilerNode } from './nodes/spoiler/SpoilerNode'
import { $keepAtTopLevel } from './plugins/insertBlocks'

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

  for (const register of Object.values(CRITIC_TRANSFORMS)) register?.(editor)
}

/**
 * Where each critic block may stand: scores and trailers at the top level of the text; pull quotes
 * too, except that a spoiler turns one into a quote. The image keeps itself a block by its own
 * `$transform` (ImageNode), wherever it is.
 */
const CRITIC_TRANSFORMS: Record<CriticBlockType, ((editor: LexicalEditor) => void) | null> = {
  score: (editor) => editor.registerNodeTransform(ScoreNode, $keepAtTopLevel),
  image: null,
  spoiler: (editor) => editor.registerNodeTransform(SpoilerNode, $normalizeSpoiler),
  pullquote: (editor) =>
    editor.registerNodeTransform(PullQuoteNode, (node) => {
      const parent = node.getParent()
      if (parent && !$isRootNode(parent) && !$isSpoilerNode(parent)) $keepAtTopLevel(node)
    }),
  embed: (editor) => editor.registerNodeTransform(EmbedNode, $keepAtTopLevel),
}

/**
 * Keeps a spoiler holding only what a spoiler may hold (docs/format.md): another spoiler is
 * unwrapped, a score or trailer moves out after it, a pull quote becomes a quote, loose text gets
 * a paragraph, and an empty spoiler keeps one paragraph to type in.
 */
function $normalizeSpoiler(spoiler: SpoilerNode): void {
  const parent = spoiler.getParent()
  if (parent && !$isRootNode(parent) && !$isSpoilerNode(parent)) {
    $keepAtTopLevel(spoiler)
    return
  }
  let after: LexicalNode = spoiler
  let loose: ParagraphNode | null = null
  for (const child of spoiler.getChildren()) {
    const inline = !$isElementNode(child) && !$isDecoratorNode(child) ? true : child.isInline()
    if (!inline) loose = null
    if ($isSpoilerNode(child)) {
      for (const grandchild of child.getChildren()) child.insertBefore(grandchild)
      child.remove()
    } else if ($isScoreNode(child) || $isEmbedNode(child)) {
      after.insertAfter(child)
      after = child
    } else if ($isPullQuoteNode(child)) {
      child.replace($createQuoteNode(), true)
    } else if (inline) {
      if (!loose) {
        loose = $createParagraphNode()
        child.insertBefore(loose)
      }
      loose.append(child)
    }
  }
  if (spoiler.getChildrenSize() === 0) spoiler.append($createParagraphNode())
}
