/**
 * A review's publish log: `.publish-log.json` in its folder, so it moves with the review when it
 * is renamed or trashed. The newest entries are kept; each append rewrites the file atomically.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { PUBLISH_STEP_STATES, type PublishLogEntry } from '../../../shared/publish'
import { readJsonFile, writeJsonFile } from '../fs/jsonFile'
import { KeyedSerial } from '../recovery/keyed'

export const PUBLISH_LOG_FILE = '.publish-log.json'
const KEPT_ENTRIES = 500

const logFile = z.strictObject({
  version: z.literal(1),
  entries: z.array(
    z.strictObject({
      at: z.string().max(40),
      blogId: z.string().max(100),
      step: z.string().max(300),
      state: z.enum(PUBLISH_STEP_STATES),
      message: z.string().max(4000).optional(),
    }),
  ),
})

export class PublishLog {
  private readonly serial = new KeyedSerial()

  async read(reviewDir: string): Promise<PublishLogEntry[]> {
    return ((await readJsonFile(join(reviewDir, PUBLISH_LOG_FILE), logFile, 'the publish log'))?.entries ?? []) as PublishLogEntry[]
  }

  /** Resolves once every append so far is on disk. */
  idle(): Promise<void> {
    return this.serial.idle()
  }

  append(reviewDir: string, entry: PublishLogEntry): Promise<void> {
    return this.serial.run(reviewDir, async () => {
      const entries = [...(await this.read(reviewDir)), { ...entry, ...(entry.message ? { message: entry.message.slice(0, 4000) } : {}) }].slice(-KEPT_ENTRIES)
      await writeJsonFile(join(reviewDir, PUBLISH_LOG_FILE), { version: 1, entries }, 'the publish log')
    })
  }
}
