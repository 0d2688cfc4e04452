import { expect, type Locator } from '@playwright/test'

/**
 * Puts the caret at the end of the block holding `text` (a locator of text in the editor), as a
 * critic does: a click on the block's last line, then End. A click mid-text can land on a soft wrap,
 * where End keeps the caret at the end of the line above; on a busy machine Lexical can apply the
 * click's selection after End was handled, and a dialog closed just before can take the focus back.
 * Lexical takes the page's caret into its own selection on `selectionchange`, which Chromium can
 * deliver after the next key press, so a shortcut pressed right away acts where the caret was. So
 * the click and End are done again until both the page's caret and Lexical's are at the block's end.
 */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6'

/** The little of a Lexical editor the page is asked for: where its selection's focus is. */
interface LexicalEditorView {
  getEditorState(): { _selection: { anchor?: { key: string; offset: number }; focus?: { key: string; offset: number } } | null }
  getElementByKey(key: string): HTMLElement | null
}

export async function caretAtEnd(text: Locator): Promise<void> {
  await expect
    .poll(async () => {
      try {
        return await clickToEnd(text)
      } catch (error) {
        // The block can be rendered anew mid-round (a file changed outside, loaded in): its old
        // element is gone, and the next round finds the new one.
        if (error instanceof Error && /not attached|detached/i.test(error.message)) return false
        throw error
      }
    })
    .toBe(true)
}

/** One round: a click on the block's last line, then End; true when the caret ends the block. */
async function clickToEnd(text: Locator): Promise<boolean> {
  const page = text.page()
  await text.scrollIntoViewIfNeeded()
  const lastLine = await text.evaluate((element, blocks) => {
    const contents = document.createRange()
    contents.selectNodeContents(element.closest(blocks) ?? element)
    const line = [...contents.getClientRects()].filter((rect) => rect.width > 0).at(-1)!
    return { x: line.right - 2, y: line.top + line.height / 2 }
  }, BLOCKS)
  await page.mouse.click(lastLine.x, lastLine.y)
  await page.keyboard.press('End')
  return text.evaluate((element, blocks) => {
    const block = element.closest(blocks) ?? element
    const selection = getSelection()
    if (!selection?.isCollapsed || !selection.focusNode || !block.contains(selection.focusNode)) return false
    const rest = document.createRange()
    rest.selectNodeContents(block)
    rest.setStart(selection.focusNode, selection.focusOffset)
    if (rest.toString() !== '') return false
    // Lexical's own selection (kept on its root element) must have caught up with the page's.
    type Root = HTMLElement & { __lexicalEditor?: LexicalEditorView }
    const editor = (block.closest('[contenteditable="true"]') as Root | null)?.__lexicalEditor
    const focus = editor?.getEditorState()._selection?.focus
    if (!editor || !focus) return false
    const node = editor.getElementByKey(focus.key)
    return node !== null && block.contains(node)
  }, BLOCKS)
}

/**
 * Waits until the page's selection in the editor is exactly `text` and Lexical's own selection has
 * caught up with it (not collapsed): a key that edits acts on Lexical's selection, which follows
 * the page's on a `selectionchange` Chromium can deliver after the next key press.
 */
export async function selectionSettledOn(editorRoot: Locator, text: string): Promise<void> {
  await expect
    .poll(() =>
      editorRoot.evaluate((root) => {
        const selected = getSelection()?.toString() ?? ''
        const lexical = (root as HTMLElement & { __lexicalEditor?: LexicalEditorView }).__lexicalEditor?.getEditorState()._selection
        const collapsed = !lexical?.anchor || !lexical.focus || (lexical.anchor.key === lexical.focus.key && lexical.anchor.offset === lexical.focus.offset)
        return collapsed ? `${selected} (Lexical's selection collapsed)` : selected
      }),
    )
    .toBe(text)
}
