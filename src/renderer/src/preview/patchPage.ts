import type { PreviewPatch } from '@shared/contract'

/**
 * The first node of each of the body's blocks, as main cuts them (renderMarkdownBlocks): a block
 * is a top-level element and the nodes after it up to the next element (line breaks); what comes
 * before the first element is a block of its own.
 */
function blockStarts(parent: ParentNode): ChildNode[] {
  const starts: ChildNode[] = []
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === Node.ELEMENT_NODE || starts.length === 0) starts.push(node)
  }
  return starts
}

/**
 * Makes the preview's page the newest one by replacing only the body's blocks that changed, so the
 * frame does not parse, style and lay out a whole new page after each pause in typing. The new
 * blocks are parsed in an inert template of the page's own document (nothing loads or runs there).
 * False, with the page untouched, when the page is not the one the patch was made for (its blocks
 * do not match main's count, as when the parser moved an element) or the new blocks do not parse
 * as the blocks they are: the caller then loads the whole page.
 */
export function patchPage(page: Document, patch: PreviewPatch): boolean {
  const body = page.querySelector('.post-body')
  if (!body) return false
  const starts = blockStarts(body)
  if (starts.length !== patch.blocks || patch.start + patch.removed > starts.length) return false
  const template = page.createElement('template')
  template.innerHTML = patch.insert.join('')
  if (blockStarts(template.content).length !== patch.insert.length) return false
  const next = starts[patch.start + patch.removed] ?? null
  for (let node: ChildNode | null = starts[patch.start] ?? null; node && node !== next; ) {
    const following: ChildNode | null = node.nextSibling
    node.remove()
    node = following
  }
  body.insertBefore(template.content, next)
  return true
}
