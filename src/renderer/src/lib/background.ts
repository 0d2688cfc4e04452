/**
 * Chromium's task scheduler (not in TypeScript's DOM types yet): its background tasks run whenever
 * nothing more urgent waits, where idle callbacks get one turn per frame, so work split in tasks is
 * done several times sooner and a key still runs between two of them.
 */
const scheduler = (globalThis as { scheduler?: { postTask(task: () => void, options: { priority: 'background' }): Promise<void> } }).scheduler

/** Runs `task` once nothing more urgent waits (an idle callback where there is no scheduler). */
export function inBackground(task: () => void): void {
  if (scheduler) void scheduler.postTask(task, { priority: 'background' })
  else requestIdleCallback(task)
}

/**
 * Runs `task` once the next frame has been painted (a message posted from requestAnimationFrame is
 * taken after that frame): work a screen's first frame does not show waits for it. Returns a cancel.
 */
export function afterNextPaint(task: () => void): () => void {
  // A hidden window paints no frame (its animation callbacks wait until it shows).
  if (document.hidden) {
    const timer = setTimeout(task)
    return () => clearTimeout(timer)
  }
  let channel: MessageChannel | undefined
  const frame = requestAnimationFrame(() => {
    channel = new MessageChannel()
    channel.port1.onmessage = () => task()
    channel.port2.postMessage(null)
  })
  return () => {
    cancelAnimationFrame(frame)
    if (channel) channel.port1.onmessage = null
  }
}
