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
