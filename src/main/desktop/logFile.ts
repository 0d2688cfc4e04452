import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { inspect } from 'node:util'

export interface LogFileOptions {
  /** Rotated when it would grow past this many bytes. */
  maxBytes?: number
  /** Older files kept beside it: `main.1.log` (newest) … `main.<keep>.log`. */
  keep?: number
  now?: () => Date
}

/**
 * Main's log: one line per message, appended synchronously so the line is on disk even when the
 * process dies right after (an uncaught error). Rotated by size so it never grows without bound.
 */
export function createLogFile(path: string, options: LogFileOptions = {}): (message: string, detail?: unknown) => void {
  const maxBytes = options.maxBytes ?? 1024 * 1024
  const keep = options.keep ?? 3
  const now = options.now ?? (() => new Date())
  const rotated = (n: number) => path.replace(/(\.log)?$/, `.${n}.log`)
  mkdirSync(dirname(path), { recursive: true })
  return (message, detail) => {
    const text = detail === undefined || detail === '' ? message : `${message} ${detail instanceof Error ? (detail.stack ?? detail.message) : inspect(detail)}`
    const line = `${now().toISOString()} ${text.replace(/\n/g, '\n  ')}\n`
    try {
      if (sizeOf(path) + Buffer.byteLength(line) > maxBytes) {
        for (let n = keep - 1; n >= 1; n--) moveIfThere(rotated(n), rotated(n + 1))
        moveIfThere(path, rotated(1))
      }
      appendFileSync(path, line)
    } catch {
      // A log that cannot be written must not take the app down with it.
    }
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function moveIfThere(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}
