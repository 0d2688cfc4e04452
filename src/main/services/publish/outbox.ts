/**
 * Publishes waiting for the network (`.verdict/outbox.json`), kept across restarts. One job per
 * review and blog: a newer request replaces the waiting one, since it publishes the same file.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'
import type { OutboxJob, PublishRequest } from '../../../shared/publish'
import { publishRequest } from '../../../shared/validate'
import { readJsonFile, writeJsonFile } from '../fs/jsonFile'
import { OUTBOX_LOCK, withLibraryLock } from '../fs/libraryLock'
import { privateDir } from '../recovery/privateDir'

const OUTBOX_FILE = 'outbox.json'
const outboxFile = z.strictObject({
  version: z.literal(1),
  jobs: z.array(
    z.strictObject({
      jobId: z.string().max(100),
      request: publishRequest,
      queuedAt: z.string().max(40),
      attempts: z.number().int().min(0),
      nextAttemptAt: z.string().max(40),
      lastError: z.string().max(2000),
    }),
  ),
})

/** Waits between outbox attempts: 30 s, 1, 2, 4 … minutes, at most 15. */
export function outboxDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000)
}

export class Outbox {
  /** The library in use: the outbox is in it, the lock in its state folder on this machine. */
  constructor(private readonly library: () => { root: string; stateDir: string }) {}

  async list(): Promise<OutboxJob[]> {
    const file = await readJsonFile(await this.path(), outboxFile, 'the outbox')
    return (file?.jobs ?? []) as OutboxJob[]
  }

  /** Queues (or requeues) the request; returns the job as stored. */
  put(request: PublishRequest, lastError: string, now: Date): Promise<OutboxJob> {
    return this.changing((jobs) => {
      const waiting = jobs.find((job) => sameJob(job.request, request))
      const attempts = (waiting?.attempts ?? 0) + 1
      const job: OutboxJob = {
        jobId: waiting?.jobId ?? randomUUID(),
        request,
        queuedAt: waiting?.queuedAt ?? now.toISOString(),
        attempts,
        nextAttemptAt: new Date(now.getTime() + outboxDelayMs(attempts)).toISOString(),
        lastError,
      }
      return { jobs: [...jobs.filter((other) => other !== waiting), job], result: job }
    })
  }

  remove(request: Pick<PublishRequest, 'id' | 'blogId'>): Promise<void> {
    return this.changing((jobs) => {
      const kept = jobs.filter((job) => !sameJob(job.request, request))
      return { jobs: kept.length !== jobs.length ? kept : undefined, result: undefined }
    })
  }

  /** Whether this very job (not a newer request for the same review and blog) still waits. */
  async holds(job: Pick<OutboxJob, 'jobId'>): Promise<boolean> {
    return (await this.list()).some((waiting) => waiting.jobId === job.jobId)
  }

  /** Read, change and write as one step for every process on the library: none loses another's job. */
  private changing<T>(change: (jobs: OutboxJob[]) => { jobs: OutboxJob[] | undefined; result: T }): Promise<T> {
    const update = async () => {
      const { jobs, result } = change(await this.list())
      if (jobs) await this.write(jobs)
      return result
    }
    return withLibraryLock(this.library().stateDir, OUTBOX_LOCK, update, { waitMs: 30_000 })
  }

  private async path(): Promise<string> {
    return join(await privateDir(this.library().root), OUTBOX_FILE)
  }

  private async write(jobs: OutboxJob[]): Promise<void> {
    await writeJsonFile(await this.path(), { version: 1, jobs }, 'the outbox')
  }
}

function sameJob(a: Pick<PublishRequest, 'id' | 'blogId'>, b: Pick<PublishRequest, 'id' | 'blogId'>): boolean {
  return a.id === b.id && a.blogId === b.blogId
}
