/**
 * The `onMouseDown` of a control that acts on the text: the press does not move focus to the
 * control, so the editor keeps its caret and selection for what the click does.
 */
export function keepCaret(event: { preventDefault(): void }): void {
  event.preventDefault()
}
