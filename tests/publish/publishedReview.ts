/**
 * What the target tests send: test images, the review they publish (built by the real pipeline),
 * the outgoing post made of it, and the record the publish service would keep. Each test file gives
 * its own tags, opening paragraph and image widths.
 */
import { createHash, randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import { parseReview } from '../../src/main/services/format'
import { buildPost, serializeJsonLd, type Post } from '../../src/main/services/pipeline'
import type { OutgoingImage, OutgoingPost, RemotePost } from '../../src/main/services/publish/publishTarget'
import { BLOG_KIND_DESCRIPTORS, type BlogKind } from '../../src/shared/blogKinds'
import type { PublishRecord, PublishStatus, RemoteImage } from '../../src/shared/publish'
import { png } from '../unit/assets/images'
import { jsonLdOf, page, type Page } from './publicPage'

/** The blog's copies of the review's images, by their path in the review. */
export type Media = Map<string, RemoteImage>

/** A real PNG, `width` × 3 px, named `assets/<content hash>.png` as the app names assets. */
export function image(width: number, alt: string, caption: string, credit: string): OutgoingImage {
  const bytes = png(width, 3)
  const path = `assets/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.png`
  return { path, fileName: path.slice('assets/'.length), type: 'image/png', bytes, width, height: 3, alt, caption, credit }
}

export interface ReviewOptions {
  /** The blog it goes to: the post takes that kind's form (src/shared/blogKinds.ts). */
  kind: BlogKind
  /** The front matter's tags. */
  tags: string[]
  /** The opening paragraph (it may run over lines). */
  lead: string
  /** The first image's width in px, the second's one more: new widths make images new to a blog. */
  width: number
}

/**
 * The review of *Ballerina*, with the film as its subject: `lead`, two figures (the still of Eve on
 * the lake, wide, with its caption, credited Lionsgate and also the featured image; the nightclub
 * photo, credited “Photo: Larry Horricks”), a spoiler (“Spoilers: the ending”), anything `extra`
 * adds, and the overall score 9.5/10. Its excerpt is “A stylish, bruising spin-off that earns its place.”
 */
export function reviewFor({ kind, tags, lead, width }: ReviewOptions) {
  const lake = image(width, 'Eve on a frozen lake at dusk', 'The winter village where the final act unfolds.', 'Lionsgate')
  const club = image(width + 1, 'Eve in a nightclub built like a music box', '', 'Photo: Larry Horricks')
  const source = (title: string, extra = '') => `---
title: ${JSON.stringify(title)}
author: Ana Critic
date: 2026-11-25
tags: [${tags.join(', ')}]
excerpt: A stylish, bruising spin-off that earns its place.
spoilers: true
featuredImage: ${lake.path}
subject:
  kind: film
  title: Ballerina
  year: 2025
---

${lead}

:::figure{credit="${lake.credit}" width="wide"}
![${lake.alt}](${lake.path})

${lake.caption}
:::

:::figure{credit="${club.credit}"}
![${club.alt}](${club.path})
:::

:::spoiler[Spoilers: the ending]
A flamethrower duel in the snow.
:::
${extra}
:::score[Overall Score]{value="9.5" scale="10" overall}
Verdict: A stylish, bruising spin-off.
:::
`

  return {
    images: [lake, club] as const,
    /** The review titled `title` through the real pipeline, its images pointing at the blog's copies. */
    buildFor(title: string, media: Media, extra = ''): Post {
      const { meta, body } = parseReview(Buffer.from(source(title, extra)), { title, created: '', updated: '' })
      return buildPost({ id: 'ballerina', meta, body }, { online: true, form: BLOG_KIND_DESCRIPTORS[kind].post, resolveAsset: (path) => media.get(path)?.url })
    },
  }
}

/** The post as the publish service hands it to a target: a new publish id, the featured image as the blog holds it. */
export function outgoing(post: Post, media: Media, status: PublishStatus = 'published', publishAt?: string): OutgoingPost {
  const held = post.featuredImage && media.get(post.featuredImage.path)
  const featured = post.featuredImage && held && { ...held, alt: post.featuredImage.alt, caption: post.featuredImage.caption }
  return { publishId: randomUUID(), post, status, zone: 'UTC', ...(publishAt ? { publishAt } : {}), ...(featured ? { featured } : {}) }
}

/** The record the publish service would keep in front matter after `out` became `remote` on blog `blogId`. */
export function recordOf(blogId: string, out: OutgoingPost, remote: RemotePost, media: Media): PublishRecord {
  return {
    target: blogId,
    publishId: out.publishId,
    id: remote.id,
    url: remote.url,
    at: new Date().toISOString(),
    status: remote.status,
    ...(remote.updatedAt ? { remoteUpdatedAt: remote.updatedAt } : {}),
    media: Object.fromEntries(media),
  }
}

/**
 * The review's public page, as a reader gets it: its title, the score, both credits, the spoiler,
 * and the pipeline's Review JSON-LD (about the film) as the page's first. Gives the page for more checks.
 */
export async function expectReviewShown(url: string, post: Post): Promise<Page> {
  const shown = await page(url)
  expect(shown.status).toBe(200)
  expect(shown.text).toContain(post.title)
  expect(shown.text).toContain('9.5/10')
  expect(shown.text).toContain('Image: Lionsgate')
  expect(shown.text).toContain('Photo: Larry Horricks')
  // Styled inline: the blog's theme knows nothing of Verdict's classes.
  expect(shown.html).toMatch(/<details class="spoiler" style="[^"]+"><summary>Spoilers: the ending<\/summary>/)
  expect(shown.html).toContain(`<script type="application/ld+json">${serializeJsonLd(post.jsonLd)}</script>`)
  expect(jsonLdOf(shown.html)).toMatchObject({ '@type': 'Review', reviewRating: { ratingValue: 9.5, bestRating: 10 }, itemReviewed: { '@type': 'Movie', name: 'Ballerina' } })
  return shown
}
