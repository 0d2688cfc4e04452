import type { PiecesPatch, PreviewPatch } from '@shared/contract'

/**
 * The first node of each piece of `parent` as main cuts them (renderMarkdownBlocks): a piece is an
 * element and the nodes after it up to the next element (line breaks); what comes before the
 * first element is a piece of its own.
 */
function pieceStarts(parent: ParentNode): ChildNode[] {
  const starts: ChildNode[] = []
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === Node.ELEMENT_NODE || starts.length === 0) starts.push(node)
  }
  return starts
}

/**
 * The change to one parent, checked, ready to apply; undefined when the parent is not what the
 * patch was made for. `fixedFirst`: the parent's pieces come after elements of the page's fixed
 * parts (the head's charset and policy), which the patch does not count.
 */
function prepare(page: Document, parent: Element | null, patch: PiecesPatch, fixedFirst = false): (() => void) | undefined {
  if (!parent) return undefined
  const all = pieceStarts(parent)
  if (fixedFirst ? all.length < patch.pieces : all.length !== patch.pieces) return undefined
  const starts = all.slice(all.length - patch.pieces)
  if (patch.start + patch.removed > starts.length) return undefined
  if (patch.removed === 0 && patch.insert.length === 0) return () => undefined
  // Parsed in an inert template of the page's own document: nothing loads or runs there.
  const template = page.createElement('template')
  template.innerHTML = patch.insert.join('')
  if (pieceStarts(template.content).length !== patch.insert.length) return undefined
  return () => {
    const next = starts[patch.start + patch.removed] ?? null
    for (let node: ChildNode | null = starts[patch.start] ?? null; node && node !== next; ) {
      const following: ChildNode | null = node.nextSibling
      node.remove()
      node = following
    }
    parent.insertBefore(template.content, next)
  }
}

/**
 * Makes the preview's page the newest one by replacing only the head's elements and the body's
 * blocks that changed, so the frame does not parse, style and lay out a whole new page after each
 * pause in typing. False, with the page untouched, when the page is not the one the patch was made
 * for (its pieces do not match main's count, as when the parser moved an element) or the new
 * pieces do not parse as the pieces they are: the caller then loads the whole page.
 */
export function patchPage(page: Document, patch: PreviewPatch): boolean {
  const head = prepare(page, page.head, patch.head, true)
  const body = prepare(page, page.querySelector('.post-body'), patch.body)
  if (!head || !body) return false
  head()
  body()
  return true
}
