/**
 * The real main-process services on a temp library holding one full review, set up to publish to
 * one blog: what every publish flow test starts from.
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BlogConfig, OutboxJob, PreflightProblem, PublishOutcome, PublishRecord, PublishRequest } from '../../src/shared/publish'
import type { ParagraphJSON } from '../../src/shared/document'
import { createServices, shutdownServices, type Services } from '../../src/main/container'
import { readMeta } from '../../src/main/services/format'
import type { RetryPolicy } from '../../src/main/services/publish/service'
import { createConfBackend } from '../../src/main/services/settings/conf'
import { png } from '../unit/assets/images'
import { headlessPlatform } from '../support/platform'

export const REVIEW_ID = 'ballerina'

export interface PublishHarness {
  services: Services
  reviewId: string
  blogId: string
  /** The review's two images as stored: `assets/<hash>.png`, the first is the featured one. */
  images: [string, string]
  publish(request?: Partial<PublishRequest>): Promise<PublishOutcome>
  preflight(request?: Partial<PublishRequest>): Promise<PreflightProblem[]>
  /** Appends a paragraph and saves through the real save path (as the editor does). */
  edit(paragraph: string): Promise<void>
  /** The blog's record, read back from review.md's front matter. */
  record(): Promise<PublishRecord | undefined>
  flushOutbox(): Promise<void>
  outbox(): Promise<OutboxJob[]>
  /** Everything main logged. */
  logs: string[]
  libraryDir: string
  settingsDir: string
  close(): Promise<void>
}

/** Two distinct real PNGs: WordPress and Ghost decode what they are sent. */
const IMAGES = [png(64, 40), png(48, 48)] as const

function reviewMarkdown([featured, still]: [string, string]): string {
  return `---
title: Ballerina
author: Ana Critic
date: 2026-11-25
status: ready
tags: [action, john wick]
excerpt: A stylish, bruising spin-off.
created: 2026-11-20T09:12:00.000Z
updated: 2026-11-25T10:40:00.000Z
spoilers: true
featuredImage: ${featured}
---

*Ballerina* arrives with **bruises** and a kill count nobody asked for.

:::figure{credit="Lionsgate" width="wide"}
![A dancer mid-leap](${featured})

The opening sequence in the Kirov theatre.
:::

Eve trains in the Ruska Roma, then goes looking for the men who killed her father.

:::figure{credit="Image: A24 Press"}
![Eve on a frozen lake](${still})

The duel on the ice.
:::

:::spoiler[Spoilers: the finale]
Eve reaches the village in the mountains, and the duel is fought with flamethrowers.
:::

:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off that earns its place.
:::
`
}

export async function createPublishHarness(options: {
  blog: Omit<BlogConfig, 'id'>
  secret: string
  retry?: RetryPolicy
  /** Replaces the waits between retries (to see them without waiting). */
  sleep?: (ms: number) => Promise<void>
  /** The services' clock. */
  now?: () => Date
  /** Another review than the Ballerina one: its two images' bytes, and its review.md given their paths. */
  review?: { images: readonly [Uint8Array, Uint8Array]; markdown(images: [string, string]): string }
}): Promise<PublishHarness> {
  const base = await mkdtemp(join(tmpdir(), 'verdict-publish-'))
  const libraryDir = join(base, 'library')
  const settingsDir = join(base, 'settings')
  const reviewDir = join(libraryDir, REVIEW_ID)
  await mkdir(join(reviewDir, 'assets'), { recursive: true })
  const bytes = options.review?.images ?? IMAGES
  const images = bytes.map((file) => `assets/${createHash('sha256').update(file).digest('hex').slice(0, 16)}.png`) as [string, string]
  await Promise.all(images.map((path, i) => writeFile(join(reviewDir, path), bytes[i]!)))
  await writeFile(join(reviewDir, 'review.md'), (options.review?.markdown ?? reviewMarkdown)(images))

  const logs: string[] = []
  const log = (message: string, detail?: unknown) => void logs.push(detail === undefined ? message : `${message} ${detail instanceof Error ? detail.message : String(detail)}`)
  const services = await createServices({
    platform: headlessPlatform(libraryDir),
    settingsBackend: createConfBackend(settingsDir),
    dataDir: settingsDir,
    env: { VERDICT_LIBRARY: libraryDir },
    publish: { retry: options.retry ?? { attempts: 2, baseDelayMs: 50 }, outboxCheckMs: 0, claimSettleMs: 0, ...(options.sleep ? { sleep: options.sleep } : {}) },
    log,
    ...(options.now ? { now: options.now } : {}),
  })
  const blog = await services.blogs.save(options.blog, options.secret)
  const request = (overrides: Partial<PublishRequest> = {}): PublishRequest => ({ id: REVIEW_ID, blogId: blog.id, status: 'published', ...overrides })

  return {
    services,
    reviewId: REVIEW_ID,
    blogId: blog.id,
    images,
    logs,
    libraryDir,
    settingsDir,
    publish: (overrides) => services.publish.publish(request(overrides)),
    preflight: (overrides) => services.publish.preflight(request(overrides)),
    async edit(paragraph) {
      const opened = await services.libraries.current().open(REVIEW_ID)
      if (opened.kind !== 'editable') throw new Error(`The review opened read-only: ${opened.reason}`)
      const doc = { root: { ...opened.doc.root, children: [...opened.doc.root.children, paragraphNode(paragraph)] } }
      await services.writes.save({ id: REVIEW_ID, meta: opened.meta, doc, baseHash: opened.hash })
    },
    async record() {
      const meta = readMeta(await readFile(join(reviewDir, 'review.md')), { title: '', created: '', updated: '' })
      return meta.published?.find((record) => record.target === blog.id)
    },
    flushOutbox: () => services.publish.flushOutbox(),
    outbox: () => services.publish.outbox(),
    async close() {
      await shutdownServices(services)
      await rm(base, { recursive: true, force: true })
    },
  }
}

function paragraphNode(text: string): ParagraphJSON {
  return { type: 'paragraph', children: [{ type: 'text', text, format: 0 }] } as ParagraphJSON
}
