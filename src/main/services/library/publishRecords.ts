/**
 * A site's publish records (docs/format.md, "Site layouts"): where each post went, kept in
 * `.verdict/reviews/<id>/published/<machine id>.json`, so publishing adds nothing to the site and
 * never touches the post's file. One file per machine (fs/machineFiles.ts): two machines publishing
 * one post to different blogs both keep their record, where one shared file would become a sync
 * engine's conflict copy. Records an older Verdict wrote into a post's front matter are still read,
 * and carried into these files at the post's next publish; the post itself is never rewritten.
 */
import { readdir, rename, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { z } from 'zod'
import type { ReviewMeta } from '../../../shared/model'
import type { PublishRecord } from '../../../shared/publish'
import { publishRecord } from '../../../shared/validate'
import { isErrnoCode } from '../errors'
import { readMachineFiles, writeMachineFile } from '../fs/machineFiles'
import { RACY_MS } from './indexStore'
import { existingPrivateDir, privateDir } from '../recovery/privateDir'

/** The records' folder inside a review's own folder of `.verdict/reviews/`. */
export const PUBLISHED_DIR = 'published'

const recordsFile = z.strictObject({
  version: z.literal(1),
  published: z.array(publishRecord).max(50),
  /** The day the post carries on the blogs (in Verdict's layout, written back as the review's `date`). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
})

export interface SiteRecords {
  /** One record per blog: of every machine's file (and the post's front matter), the newest. */
  published: PublishRecord[]
  /** The day the post carries on the blog last published to. */
  date?: string
  /** Why some of the records could not be read, naming their files; the rest are still given. */
  damaged?: string
}

/** The review's records, newest per blog: those of the front matter first, each machine's file after. */
export function mergeRecords(fromFile: readonly PublishRecord[] | undefined, records: SiteRecords | undefined): PublishRecord[] {
  const byBlog = new Map<string, PublishRecord>()
  for (const record of [...(fromFile ?? []), ...(records?.published ?? [])]) {
    const known = byBlog.get(record.target)
    // An intent record (no `at` yet) does not replace one the blog answered; of equals, the later source wins.
    if (!known || record.at >= known.at) byBlog.set(record.target, record)
  }
  return [...byBlog.values()]
}

/** Whether a post is live on one of its blogs (a record the blog answered, not a publish's intent): the review shows as published. */
export function liveOn(published: readonly PublishRecord[] | undefined): boolean {
  return published?.some((record) => record.status === 'published' && record.at !== '') ?? false
}

/** A review (its meta or its row) as a site shows it: with its records merged in, and published while it is live on a blog. */
export function withSiteRecords<T extends Pick<ReviewMeta, 'published' | 'status'>>(review: T, records: SiteRecords): T {
  const published = mergeRecords(review.published, records)
  return { ...review, published, ...(liveOn(published) ? { status: 'published' as const } : {}) }
}

export class PublishRecordStore {
  /** Per review, its records as last read and the records folder's modification time then. */
  private readonly known = new Map<string, { mtimeMs: number; records: SiteRecords }>()

  constructor(
    private readonly root: string,
    private readonly log: (message: string, detail?: unknown) => void = (message, detail) => console.error(message, detail ?? ''),
  ) {}

  /** The review's records read from disk now; undefined when it has none. */
  async read(id: string): Promise<SiteRecords | undefined> {
    const dir = await existingPrivateDir(this.root, 'reviews', id, PUBLISHED_DIR)
    if (!dir) {
      this.known.delete(id)
      return undefined
    }
    const mtimeMs = (await stat(dir)).mtimeMs
    const damaged: string[] = []
    const files = await readMachineFiles(dir, recordsFile, 'the publish records', (path) => damaged.push(relative(this.root, path)))
    const newest = files.reduce<(typeof files)[number] | undefined>((best, file) => (!best || newestAt(file.value.published) > newestAt(best.value.published) ? file : best), undefined)
    const records: SiteRecords = {
      published: files.reduce<PublishRecord[]>((merged, file) => mergeRecords(merged, { published: file.value.published }), []),
      ...(newest?.value.date ? { date: newest.value.date } : {}),
      ...(damaged.length ? { damaged: damagedMessage(id, damaged) } : {}),
    }
    if (records.damaged && this.known.get(id)?.records.damaged !== records.damaged) this.log(`${records.damaged} ${DAMAGED_RECORDS_FIX}`)
    this.known.set(id, { mtimeMs, records })
    return records
  }

  /** The records of the review's last read: what its library row shows, without a disk read. */
  cached(id: string): SiteRecords | undefined {
    return this.known.get(id)?.records
  }

  /** Reads again the records of every review whose records folder changed since (each listing does). */
  async refresh(): Promise<void> {
    const reviews = await existingPrivateDir(this.root, 'reviews')
    const ids = reviews ? await readdir(reviews) : []
    const present = new Set(ids)
    for (const id of this.known.keys()) if (!present.has(id)) this.known.delete(id)
    await Promise.all(
      ids.map(async (id) => {
        const info = await stat(join(reviews!, id, PUBLISHED_DIR)).catch((error: unknown) => (isErrnoCode(error, 'ENOENT', 'ENOTDIR') ? undefined : Promise.reject(error)))
        if (!info) return void this.known.delete(id)
        // Folder times are the disk's clock: a change in the same instant as the last read is read again.
        const known = this.known.get(id)
        if (known && known.mtimeMs === info.mtimeMs && Date.now() - info.mtimeMs >= RACY_MS) return
        await this.read(id)
      }),
    )
  }

  /** Writes this machine's file of the review's records: `published` (every blog's, as merged) and the post's day. */
  async write(id: string, machine: string, published: PublishRecord[], date: string | undefined): Promise<void> {
    const dir = join(await privateDir(this.root, 'reviews', id), PUBLISHED_DIR)
    await writeMachineFile(dir, machine, { version: 1, published, ...(date ? { date } : {}) }, `the publish records of “${id}”`)
    await this.read(id)
  }

  /** The review's records follow it under another id (to the trash and back). */
  async follow(from: string, to: string): Promise<void> {
    const source = await existingPrivateDir(this.root, 'reviews', from)
    if (!source) return
    try {
      await rename(source, join(await privateDir(this.root, 'reviews'), to))
    } catch (error) {
      // A folder of the new id already there (its own log) keeps its records; these stay where they were.
      if (!isErrnoCode(error, 'EEXIST', 'ENOTEMPTY')) throw error
      this.log(`The publish records of “${from}” could not follow it to “${to}”: that id has records of its own.`)
    }
    this.known.delete(from)
    this.known.delete(to)
  }
}

function newestAt(published: readonly PublishRecord[]): string {
  return published.reduce((newest, record) => (record.at > newest ? record.at : newest), '')
}

/** What the critic can do about damaged records (the message says what is wrong). */
export const DAMAGED_RECORDS_FIX = 'Restore the file from a backup, or delete it to publish the post anew (a blog it already went to then gets a second copy).'

function damagedMessage(id: string, files: string[]): string {
  return `The publish records of “${id}” in ${files.join(', ')} cannot be read (not the JSON Verdict writes there): Verdict does not publish the post until they can, so no blog gets it twice.`
}
