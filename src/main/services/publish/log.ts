/**
 * A review's publish log, kept beside the review so it moves with it when it is renamed or trashed:
 * `.publish-log/<machine id>.json` in its folder, one file per machine (fs/machineFiles.ts), read
 * together in time order. Each machine keeps its newest entries; older versions' single
 * `.publish-log.json` is still read, never written.
 */
import { join } from 'node:path'
import { z } from 'zod'
import type { PublishLogEntry } from '../../../shared/publish'
import { publishLogEntry } from '../../../shared/validate'
import { readJsonFile } from '../fs/jsonFile'
import { readMachineFile, readMachineFiles, writeMachineFile } from '../fs/machineFiles'
import { KeyedSerial } from '../recovery/keyed'

export const PUBLISH_LOG_DIR = '.publish-log'
/** The log of versions before per-machine files. */
export const LEGACY_PUBLISH_LOG_FILE = '.publish-log.json'
const KEPT_ENTRIES = 500

const logFile = z.strictObject({
  version: z.literal(1),
  entries: z.array(publishLogEntry),
})

export class PublishLog {
  private readonly serial = new KeyedSerial()

  /** @param machine this machine's id: the one file of each log it writes. */
  constructor(private readonly machine: string) {}

  /** Every machine's entries (and the old single file's), oldest first, the newest KEPT_ENTRIES. */
  async read(recordsDir: string): Promise<PublishLogEntry[]> {
    const legacy = (await readJsonFile(join(recordsDir, LEGACY_PUBLISH_LOG_FILE), logFile, 'the publish log'))?.entries ?? []
    const machines = await readMachineFiles(join(recordsDir, PUBLISH_LOG_DIR), logFile, 'the publish log')
    // A stable sort: entries of one instant keep the order their machine wrote them in.
    const entries = [...legacy, ...machines.flatMap((file) => file.value.entries)].sort((a, b) => a.at.localeCompare(b.at))
    return entries.slice(-KEPT_ENTRIES)
  }

  /** Resolves once every append so far is on disk. */
  idle(): Promise<void> {
    return this.serial.idle()
  }

  append(recordsDir: string, entry: PublishLogEntry): Promise<void> {
    return this.serial.run(recordsDir, async () => {
      const dir = join(recordsDir, PUBLISH_LOG_DIR)
      const own = (await readMachineFile(dir, this.machine, logFile, 'the publish log'))?.entries ?? []
      const kept = { ...entry, ...(entry.message ? { message: entry.message.slice(0, 4000) } : {}) }
      await writeMachineFile(dir, this.machine, { version: 1, entries: [...own, kept].slice(-KEPT_ENTRIES) }, 'the publish log')
    })
  }
}
