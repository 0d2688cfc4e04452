/**
 * Publishes waiting for the network, kept across restarts. One job per review and blog: a newer
 * request replaces the waiting one, since it publishes the same file. Each machine keeps its own
 * jobs in `.verdict/outbox/<machine id>.json` (fs/machineFiles.ts) and sends only those; it reads
 * the others' to know when a post it holds waits on another machine too (claims.ts). Older
 * versions' single `.verdict/outbox.json` is read as this machine's until a machine first writes
 * its own file, which takes those jobs over.
 */
import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { OutboxJob, PublishRequest } from '../../../shared/publish'
import { publishRequest } from '../../../shared/validate'
import { readJsonFile } from '../fs/jsonFile'
import { OUTBOX_LOCK, withLibraryLock } from '../fs/libraryLock'
import { readMachineFiles, writeMachineFile, type MachineFile } from '../fs/machineFiles'
import { privateDir } from '../recovery/privateDir'

export const OUTBOX_DIR = 'outbox'
const LEGACY_OUTBOX_FILE = 'outbox.json'
const outboxFile = z.strictObject({
  version: z.literal(1),
  jobs: z.array(
    z.strictObject({
      jobId: z.string().max(100),
      request: publishRequest,
      /** Absent in the jobs of versions before the per-machine outbox. */
      publishId: z.string().max(100).optional(),
      queuedAt: z.string().max(40),
      attempts: z.number().int().min(0),
      nextAttemptAt: z.string().max(40),
      lastError: z.string().max(2000),
    }),
  ),
})
type OutboxFile = z.infer<typeof outboxFile>

/** Waits between outbox attempts: 30 s, 1, 2, 4 … minutes, at most 15. */
export function outboxDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000)
}

export class Outbox {
  /**
   * @param library the library in use: the outbox is in it, the lock in its state folder on this machine.
   * @param machine this machine's id: the one outbox file it writes.
   */
  constructor(
    private readonly library: () => { root: string; stateDir: string },
    private readonly machine: string,
  ) {}

  /** This machine's waiting jobs. */
  async list(): Promise<OutboxJob[]> {
    return this.own(await this.files())
  }

  /** Whether another machine's outbox holds the same post (the same review and blog). */
  async waitsElsewhere(request: Pick<PublishRequest, 'id' | 'blogId'>): Promise<boolean> {
    return (await this.files()).some((file) => file.machine !== this.machine && file.value.jobs.some((job) => sameJob(job.request, request)))
  }

  /** Queues (or requeues) the request with the post's publish id; returns the job as stored. */
  put(request: PublishRequest, publishId: string | undefined, lastError: string, now: Date): Promise<OutboxJob> {
    return this.changing((jobs) => {
      const waiting = jobs.find((job) => sameJob(job.request, request))
      const attempts = (waiting?.attempts ?? 0) + 1
      const job: OutboxJob = {
        jobId: waiting?.jobId ?? randomUUID(),
        request,
        ...(publishId ? { publishId } : {}),
        queuedAt: waiting?.queuedAt ?? now.toISOString(),
        attempts,
        nextAttemptAt: new Date(now.getTime() + outboxDelayMs(attempts)).toISOString(),
        lastError,
      }
      return { jobs: [...jobs.filter((other) => other !== waiting), job], result: job }
    })
  }

  /** Tries this very job again at `until`, not counted as an attempt (another machine is sending the post). */
  postpone(job: Pick<OutboxJob, 'jobId'>, until: Date, reason: string): Promise<void> {
    return this.changing((jobs) => {
      if (!jobs.some((waiting) => waiting.jobId === job.jobId)) return { jobs: undefined, result: undefined }
      const later = jobs.map((waiting) => (waiting.jobId === job.jobId ? { ...waiting, nextAttemptAt: until.toISOString(), lastError: reason } : waiting))
      return { jobs: later, result: undefined }
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

  /** Every machine's outbox file; while there are none, the old single file as this machine's. */
  private async files(): Promise<MachineFile<OutboxFile>[]> {
    const dir = await this.dir()
    const files = await readMachineFiles(dir, outboxFile, 'the outbox')
    if (files.length > 0) return files
    const legacy = await readJsonFile(join(dirname(dir), LEGACY_OUTBOX_FILE), outboxFile, 'the outbox')
    return legacy ? [{ machine: this.machine, value: legacy }] : []
  }

  private own(files: MachineFile<OutboxFile>[]): OutboxJob[] {
    return files.find((file) => file.machine === this.machine)?.value.jobs ?? []
  }

  /** Read, change and write as one step for every process on this machine: none loses another's job. */
  private changing<T>(change: (jobs: OutboxJob[]) => { jobs: OutboxJob[] | undefined; result: T }): Promise<T> {
    const update = async () => {
      const { jobs, result } = change(this.own(await this.files()))
      if (jobs) await writeMachineFile(await this.dir(), this.machine, { version: 1, jobs }, 'the outbox')
      return result
    }
    return withLibraryLock(this.library().stateDir, OUTBOX_LOCK, update, { waitMs: 30_000 })
  }

  private dir(): Promise<string> {
    return privateDir(this.library().root, OUTBOX_DIR)
  }
}

function sameJob(a: Pick<PublishRequest, 'id' | 'blogId'>, b: Pick<PublishRequest, 'id' | 'blogId'>): boolean {
  return a.id === b.id && a.blogId === b.blogId
}
