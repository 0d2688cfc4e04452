import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Prefix of in-flight temp files, so recovery can recognise and remove leftovers. */
export const TEMP_PREFIX = '.verdict-tmp-'

/**
 * Replaces `path` with `data` so that a reader (or a crash) sees either the old or the new file,
 * never a mix or a truncated one: a temp file in the same folder gets the full content and an
 * fsync, then is renamed over the target, then the folder is fsynced so the rename is durable.
 * On any error the temp file is removed and the original is untouched.
 */
/** The file operations the write uses; the fault tests inject failing ones. */
export interface AtomicWriteIo {
  open: typeof fs.open
  rename: typeof fs.rename
  rm: typeof fs.rm
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, io: AtomicWriteIo = fs): Promise<void> {
  const dir = dirname(path)
  const temp = join(dir, `${TEMP_PREFIX}${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}`)
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  try {
    const handle = await io.open(temp, 'wx', 0o644)
    try {
      // FileHandle.write may write less than asked (a full disk, a signal): loop until all is written.
      let offset = 0
      while (offset < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, offset)
        if (bytesWritten <= 0) throw new Error(`Could not write ${path}: the disk accepted no more data`)
        offset += bytesWritten
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    await io.rename(temp, path)
  } catch (error) {
    await io.rm(temp, { force: true })
    throw error
  }
  await syncFolder(dir)
}

async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
