import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin'
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  HEADING,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
  type ElementTransformer,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown'
import { $createHorizontalRuleNode, $isHorizontalRuleNode, HorizontalRuleNode } from '@lexical/extension'
import { isAllowedUrl } from '@renderer/lib/urls'

/** `## ` to `#### `: a review's title is its h1, so the text starts at h2. */
const SUBHEADING: ElementTransformer = { ...HEADING, regExp: /^(#{2,4})\s/ }

/** `---`, `***` or `___` on an empty line, as in the Lexical playground. */
const HORIZONTAL_RULE: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? '---' : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode()
    if (isImport || parentNode.getNextSibling() != null) parentNode.replace(rule)
    else parentNode.insertBefore(rule)
    rule.selectNext()
  },
  triggerOnEnter: true,
  type: 'element',
}

/** `[text](url)` becomes a link only for the addresses the link dialog accepts. */
const SAFE_LINK: TextMatchTransformer = {
  ...LINK,
  replace: (node, match) => {
    const url = match[2] ?? match[3] ?? ''
    return isAllowedUrl(url) ? LINK.replace?.(node, match) : undefined
  },
}

/** Only what the review model stores: no h1/h5/h6, code blocks, checklists or highlight. */
export const TRANSFORMERS: Transformer[] = [
  HORIZONTAL_RULE,
  SUBHEADING,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  SAFE_LINK,
]

export function MarkdownShortcutsPlugin() {
  return <MarkdownShortcutPlugin transformers={TRANSFORMERS} />
}
