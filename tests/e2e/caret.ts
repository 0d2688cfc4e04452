import { expect, type Locator } from '@playwright/test'

/**
 * Puts the caret at the end of the block holding `text` (a locator of text in the editor), as a
 * critic does: a click on the block's last line, then End. A click mid-text can land on a soft wrap,
 * where End keeps the caret at the end of the line above; on a busy machine Lexical can apply the
 * click's selection after End was handled, and a dialog closed just before can take the focus back.
 * So the click and End are done again until the caret is at the block's end.
 */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6'

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
    return rest.toString() === ''
  }, BLOCKS)
}
