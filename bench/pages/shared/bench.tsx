/**
 * What every comparison page offers the harness: `window.__bench.open(name)` loads one generated
 * document the page's way and resolves with the milliseconds from the request to the document
 * painted in an editable element — the same end point as opening a review in Verdict.
 */
export const END_PHRASE = 'benchmark review ends here'

declare global {
  interface Window {
    __bench?: { open(name: string): Promise<number> }
  }
}

/** Resolves (with performance.now()) after the frame that first shows `root` holding the whole document. */
export function whenPainted(root: () => Element | null): Promise<number> {
  return new Promise((resolve) => {
    const tick = () => {
      const element = root()
      if (element?.getAttribute('contenteditable') === 'true' && element.lastElementChild?.textContent?.includes(END_PHRASE)) {
        // This frame paints the document; the message runs once it is painted.
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(0)
      } else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

export async function fetchText(path: string): Promise<string> {
  const response = await fetch(path)
  if (!response.ok) throw new Error(`${path}: ${response.status}`)
  return response.text()
}
