// For tests that prove nothing happened (no script ran, no dialog opened): wait until the page
// has given every handler its chance, rather than for a fixed time. Image and media errors and
// loads have fired once every element is complete; autofocus, toggle and timer-free handlers run
// by the next frames.
interface Evaluates {
  waitForFunction(predicate: string): Promise<unknown>
  evaluate(expression: string): Promise<unknown>
}

export async function settled(page: Evaluates): Promise<void> {
  await page.waitForFunction(
    `document.readyState === 'complete' && [...document.images].every((image) => image.complete) &&
     [...document.querySelectorAll('video, audio')].every((media) => media.readyState > 0 || media.networkState === 3 || !media.currentSrc)`,
  )
  await page.evaluate(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))))`)
}
