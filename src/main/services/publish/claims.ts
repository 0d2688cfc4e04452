/**
 * Claims on queued posts, so that of two machines whose outboxes hold the same post (queued on
 * each while offline) one sends it. A claim is this machine's file in the synced library,
 * `.verdict/outbox/claims/<hash of the publish id>/<machine id>.json` (fs/machineFiles.ts: never a
 * file two machines write), naming the machine, when it claimed and until when the claim holds:
 * a machine that crashed while sending blocks the others only until then.
 *
 * A file sync is no lock: two machines may claim before either sees the other's claim. So when
 * another machine's outbox holds the same post, the claimant waits for the sync engine to carry
 * the claims across (`settleMs`), and of the claims it then sees the earliest wins (the machine
 * id breaks a tie, so every machine picks the same). The publish id looked up on the blog before
 * anything is sent (service.ts) catches what a sync slower than that lets through.
 */
import { createHash } from 'node:crypto'
import { readdir, rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { PUBLISH_STATUSES } from '../../../shared/publish'
import { describeIoError, isErrnoCode } from '../errors'
import { readMachineFile, readMachineFiles, writeMachineFile } from '../fs/machineFiles'
import { privateDir } from '../recovery/privateDir'
import { OUTBOX_DIR } from './outbox'

/** How long a claim holds: past a publish's longest wait for its lock (service.ts), so only a crashed machine's claim runs out. */
export const CLAIM_TTL_MS = 15 * 60_000
/** How soon a post another machine is sending is looked at again. */
const HELD_RETRY_MS = 30_000
/** How long a sent claim is kept: long past any outbox's wait (15 minutes at most), so every machine has seen it. */
export const SENT_CLAIM_KEPT_MS = 30 * 24 * 60 * 60_000

const claimFile = z.strictObject({
  version: z.literal(1),
  publishId: z.string().max(100),
  state: z.enum(['sending', 'sent']),
  at: z.string().max(40),
  expiresAt: z.string().max(40),
  /** Where the post went, once sent. */
  post: z.strictObject({ id: z.string().max(200), url: z.string().max(2000), status: z.enum(PUBLISH_STATUSES) }).optional(),
})
type Claim = z.infer<typeof claimFile> & { machine: string }

export type ClaimOutcome =
  /** This machine sends the post. */
  | { kind: 'ours' }
  /** Another machine is sending it: look again at `until`. */
  | { kind: 'held'; machine: string; until: Date }
  /** Another machine sent it after this machine queued it. */
  | { kind: 'sent'; machine: string; post: NonNullable<Claim['post']> }

export interface ClaimOptions {
  library: () => { root: string }
  machine: string
  now: () => Date
  sleep: (ms: number) => Promise<void>
  /** How long a contested claim waits for the sync engine to carry the other machines' claims. */
  settleMs: number
}

export class OutboxClaims {
  constructor(private readonly options: ClaimOptions) {}

  /**
   * Claims the post with `publishId`, queued here at `queuedAt`, for this machine, unless another
   * machine has sent it since or is sending it. `contested`: another machine's outbox holds it too.
   */
  async take(publishId: string, queuedAt: string, contested: boolean): Promise<ClaimOutcome> {
    const dir = await this.dir(publishId)
    const standing = this.standing(await this.others(dir), queuedAt)
    if (standing) return standing
    const at = this.options.now()
    await this.write(dir, { version: 1, publishId, state: 'sending', at: at.toISOString(), expiresAt: new Date(at.getTime() + CLAIM_TTL_MS).toISOString() })
    if (!contested) return { kind: 'ours' }
    await this.options.sleep(this.options.settleMs)
    const others = await this.others(dir)
    const sent = this.standing(others.filter((claim) => claim.state === 'sent'), queuedAt)
    const mine = { at: at.toISOString(), machine: this.options.machine }
    const earlier = this.live(others).find((claim) => claim.at < mine.at || (claim.at === mine.at && claim.machine < mine.machine))
    const outcome = sent ?? (earlier ? this.held(earlier) : undefined)
    if (!outcome) return { kind: 'ours' }
    await this.release(publishId)
    return outcome
  }

  /** Says the post went out (and where): the other machines drop it from their outboxes. Then clears this machine's old claims. */
  async sent(publishId: string, post: NonNullable<Claim['post']>): Promise<void> {
    const at = this.options.now().toISOString()
    await this.write(await this.dir(publishId), { version: 1, publishId, state: 'sent', at, expiresAt: at, post })
    await this.prune()
  }

  /** Withdraws this machine's claim (the post was not sent). */
  async release(publishId: string): Promise<void> {
    const path = join(await this.dir(publishId), `${this.options.machine}.json`)
    try {
      await rm(path, { force: true })
    } catch (error) {
      throw describeIoError(error, 'withdraw the outbox’s claim')
    }
  }

  /**
   * Removes this machine's claims that nobody needs any more (a claim sent a month ago, one whose
   * sending ended with a crash long expired) and the folders they leave empty: one file per post
   * the outbox sent would otherwise pile up. Only its own: each machine removes what it wrote.
   */
  private async prune(): Promise<void> {
    const root = await privateDir(this.options.library().root, OUTBOX_DIR, 'claims')
    const now = this.options.now().getTime()
    for (const post of await readdir(root).catch(() => [])) {
      const dir = join(root, post)
      const own = await readMachineFile(dir, this.options.machine, claimFile, 'the outbox’s claim').catch(() => undefined)
      const done = own && (own.state === 'sent' ? Date.parse(own.at) + SENT_CLAIM_KEPT_MS : Date.parse(own.expiresAt) + CLAIM_TTL_MS) < now
      try {
        if (done) await rm(join(dir, `${this.options.machine}.json`), { force: true })
        await rmdir(dir)
      } catch (error) {
        // Other machines' claims (or files of the sync engine) are still there: the folder stays.
        if (!isErrnoCode(error, 'ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'ENOENT')) throw describeIoError(error, 'clear the outbox’s old claims')
      }
    }
  }

  /** A sent claim of the post since `queuedAt`, or a claim another machine is sending under. */
  private standing(others: Claim[], queuedAt: string): ClaimOutcome | undefined {
    const sent = others.find((claim) => claim.state === 'sent' && claim.post && claim.at >= queuedAt)
    if (sent?.post) return { kind: 'sent', machine: sent.machine, post: sent.post }
    const [sending] = this.live(others)
    return sending ? this.held(sending) : undefined
  }

  private live(claims: Claim[]): Claim[] {
    const now = this.options.now().toISOString()
    return claims.filter((claim) => claim.state === 'sending' && claim.expiresAt > now)
  }

  private held(claim: Claim): ClaimOutcome {
    const until = Math.min(Date.parse(claim.expiresAt), this.options.now().getTime() + HELD_RETRY_MS)
    return { kind: 'held', machine: claim.machine, until: new Date(until) }
  }

  private async others(dir: string): Promise<Claim[]> {
    const files = await readMachineFiles(dir, claimFile, 'the outbox’s claims')
    return files.filter((file) => file.machine !== this.options.machine).map((file) => ({ ...file.value, machine: file.machine }))
  }

  private async write(dir: string, claim: z.infer<typeof claimFile>): Promise<void> {
    await writeMachineFile(dir, this.options.machine, claim, 'the outbox’s claim')
  }

  private dir(publishId: string): Promise<string> {
    return privateDir(this.options.library().root, OUTBOX_DIR, 'claims', createHash('sha256').update(publishId).digest('hex').slice(0, 24))
  }
}
