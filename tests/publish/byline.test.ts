/**
 * One byline: a review goes out on each real blog signed as the Publish dialog says — the blog's
 * user for the review's author where the account may post as them, else the blog's byline choice
 * (the account, or the review's author in a line atop the post) — and the page, the feed and the
 * structured data on the page say that same name.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readState } from '../../scripts/blogs/lib.mjs'
import type { BlogConfig } from '../../src/shared/publish'
import { png } from '../unit/assets/images'
import { createPublishHarness, type PublishHarness } from './harness'
import { jsonLdBlocks, page } from './publicPage'

interface WordPressState {
  url: string
  username: string
  secret: string
  /** The Author-role account, named as the test reviews' critic. */
  author: { username: string; name: string; secret: string }
}

const wordpress = readState<WordPressState>('wordpress')
/** `staff`: a staff user besides the owner, an Author (scripts/blogs/ghost.mjs invites her). */
const ghost = readState<{ url: string; secret: string; staff: { name: string; email: string } }>('ghost')
const micropub = readState<{ url: string; secret: string }>('micropub')

/** Ghost's owner, whom an integration's posts are signed by (scripts/blogs/ghost.mjs). */
const GHOST_OWNER = 'Verdict Tests'

function review(author: string, title: string) {
  return {
    images: [png(32, 20), png(20, 32)] as const,
    markdown: ([featured, still]: [string, string]) => `---
title: ${JSON.stringify(title)}
author: ${author}
date: 2026-11-25
status: ready
tags: [action]
excerpt: A stylish, bruising spin-off.
featuredImage: ${featured}
---

The opening paragraph of the review.

:::figure{credit="Lionsgate"}
![Eve on a frozen lake](${featured})
:::

![Eve in a nightclub](${still})
`,
  }
}

let harness: PublishHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

async function open(blog: Omit<BlogConfig, 'id'>, secret: string, author: string, title: string): Promise<PublishHarness> {
  harness = await createPublishHarness({ blog, secret, review: review(author, title), retry: { attempts: 2, baseDelayMs: 20 } })
  return harness
}

/** Publishes now (which must succeed) and loads the post's public page. */
async function publishAndLoad(h: PublishHarness) {
  expect(await h.publish()).toMatchObject({ kind: 'published' })
  const record = await h.record()
  const loaded = await page(record?.url ?? '')
  expect(loaded.status).toBe(200)
  return { ...loaded, record }
}

/** Every author the page's structured data names, in every block (Ghost's own Article, Verdict's Review). */
function authorsInData(html: string): string[] {
  const names = (value: unknown): string[] =>
    Array.isArray(value) ? value.flatMap(names) : value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string' ? [(value as { name: string }).name] : []
  return jsonLdBlocks(html).flatMap((block) => names(block['author']))
}

/** The byline line opens the post, once: before its first paragraph. */
function expectBylineAtop(text: string, line: string): void {
  expect(text.split(line)).toHaveLength(2)
  expect(text.indexOf(line)).toBeLessThan(text.indexOf('The opening paragraph of the review.'))
}

async function setByline(h: PublishHarness, byline: BlogConfig['byline']): Promise<void> {
  const blog = await h.services.blogs.get(h.blogId)
  await h.services.blogs.save({ ...blog, byline })
}

describe('WordPress', () => {
  const asAdmin: Omit<BlogConfig, 'id'> = { name: 'Test WordPress', kind: 'wordpress', url: wordpress.url, username: wordpress.username }
  const asAuthor: Omit<BlogConfig, 'id'> = { ...asAdmin, username: wordpress.author.username }

  it('an administrator posts a review as the blog user of its author: the theme’s byline, the feed and the JSON-LD name her', async () => {
    const h = await open(asAdmin, wordpress.secret, wordpress.author.name, 'Signed by its critic on WordPress')
    expect(await h.services.publish.byline({ id: h.reviewId, blogId: h.blogId })).toEqual({ name: wordpress.author.name, shown: 'blog-user' })
    const { text, html, record } = await publishAndLoad(h)
    // Twenty Twenty-Three's post meta: "Posted <date> in <category> by <author>".
    expect(text).toContain(`by ${wordpress.author.name}`)
    expect(text).not.toContain(`by ${wordpress.username}`)
    // No second byline in the post itself.
    expect(text).not.toContain(`By ${wordpress.author.name}`)
    expect(authorsInData(html)).toEqual([wordpress.author.name])
    const feed = await (await fetch(`${wordpress.url}/?feed=rss2`)).text()
    const item = feed.split('<item>').find((part) => part.includes(`<link>${record?.url}</link>`))
    expect(item).toContain(`<dc:creator><![CDATA[${wordpress.author.name}]]></dc:creator>`)
  })

  it('an Author account may not post as another user: the byline says so, and the account signs', async () => {
    // The administrator is a user of the blog; an Author may not sign posts with another name.
    const h = await open({ ...asAuthor, byline: 'account' }, wordpress.author.secret, wordpress.username, 'Not hers to sign')
    expect(await h.services.publish.byline({ id: h.reviewId, blogId: h.blogId })).toEqual({
      name: wordpress.author.name,
      shown: 'account',
      unmatched: { account: wordpress.author.name, author: wordpress.username, why: 'not-allowed' },
    })
  })

  it('with no user for the review’s author, the post opens with the author’s byline by default, and the account signs once chosen', async () => {
    const h = await open(asAuthor, wordpress.author.secret, 'Ana Critic', 'A guest review on WordPress')
    const unmatched = { account: wordpress.author.name, author: 'Ana Critic', why: 'no-user' }
    expect(await h.services.publish.byline({ id: h.reviewId, blogId: h.blogId })).toEqual({ name: 'Ana Critic', shown: 'in-post', unmatched })
    const first = await publishAndLoad(h)
    expectBylineAtop(first.text, 'By Ana Critic')
    expect(first.text).toContain(`by ${wordpress.author.name}`)
    // An Author may post no script: Verdict sends no JSON-LD (WordPress would strip the tag and show
    // the JSON as text), and the page has none of its own.
    expect(authorsInData(first.html)).toEqual([])
    expect(first.text).not.toContain('schema.org')

    await setByline(h, 'account')
    expect(await h.services.publish.byline({ id: h.reviewId, blogId: h.blogId })).toEqual({ name: wordpress.author.name, shown: 'account', unmatched })
    const second = await publishAndLoad(h)
    expect(second.record?.id).toBe(first.record?.id)
    expect(second.text).not.toContain('Ana Critic')
    expect(second.text).toContain(`by ${wordpress.author.name}`)
  })
})

describe('Ghost', () => {
  const blog: Omit<BlogConfig, 'id'> = { name: 'Test Ghost', kind: 'ghost', url: ghost.url }

  it('a staff user of the review author’s name signs the post', async () => {
    const h = await open(blog, ghost.secret, GHOST_OWNER, 'Signed by the owner on Ghost')
    expect(await h.services.publish.byline({ id: h.reviewId, blogId: h.blogId })).toEqual({ name: GHOST_OWNER, shown: 'blog-user' })
  })

  it('a staff user other than the owner signs the post of a review by her: Casper’s byline, the feed and the JSON-LD name her', async () => {
    const h = await open(blog, ghost.secret, ghost.staff.name, 'Signed by a staff writer on Ghost')
    expect(await h.services.publish.byline({ id: h.reviewId, blogId: h.blogId })).toEqual({ name: ghost.staff.name, shown: 'blog-user' })
    const { text, html, record } = await publishAndLoad(h)
    // Casper's post header (above the post; its "Read more" below lists the site's other posts) names her.
    const header = text.slice(0, text.indexOf('The opening paragraph of the review.'))
    expect(header).toContain(ghost.staff.name)
    expect(header).not.toContain(GHOST_OWNER)
    expect(header).not.toContain(`By ${ghost.staff.name}`)
    // Ghost's Article and Verdict's Review, one name.
    expect(authorsInData(html)).toEqual([ghost.staff.name, ghost.staff.name])
    const feed = await (await fetch(`${ghost.url}/rss/`)).text()
    const item = feed.split('<item>').find((part) => part.includes(`<link>${record?.url}</link>`))
    expect(item).toContain(`<dc:creator><![CDATA[${ghost.staff.name}]]></dc:creator>`)
  })

  it('with no staff user of that name: the post opens with the author’s byline, and the page’s data names one author, Ghost’s', async () => {
    const h = await open(blog, ghost.secret, 'Ana Critic', 'A guest review on Ghost')
    expect(await h.services.publish.byline({ id: h.reviewId, blogId: h.blogId })).toEqual({
      name: 'Ana Critic',
      shown: 'in-post',
      unmatched: { account: GHOST_OWNER, author: 'Ana Critic', why: 'no-user' },
    })
    const { text, html } = await publishAndLoad(h)
    expectBylineAtop(text, 'By Ana Critic')
    // Ghost's Article names the post's Ghost author; Verdict's Review, there too, does not contradict it.
    expect(jsonLdBlocks(html).map((block) => block['@type'])).toEqual(expect.arrayContaining(['Article', 'Review']))
    expect(authorsInData(html)).toEqual([GHOST_OWNER])
  })
})

describe('Micropub', () => {
  it('the post carries its author as an h-card, which the site shows; the JSON-LD names her too', async () => {
    const h = await open({ name: 'Test Micropub', kind: 'micropub', url: micropub.url }, micropub.secret, 'Ana Critic', 'Signed on Micropub')
    expect(await h.services.publish.byline({ id: h.reviewId, blogId: h.blogId })).toEqual({ name: 'Ana Critic', shown: 'blog-user' })
    const { html, text } = await publishAndLoad(h)
    expect(html).toContain('<p class="p-author h-card">By <span class="p-name">Ana Critic</span></p>')
    expect(text.match(/By Ana Critic/g)).toHaveLength(1)
    expect(authorsInData(html)).toEqual(['Ana Critic'])
  })
})
