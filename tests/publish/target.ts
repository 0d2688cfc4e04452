/** Steps the target tests take alike on every blog, straight through a target (no services). */
import { expect } from 'vitest'
import { isPublishError } from '../../src/main/services/publish/failures'
import type { OutgoingImage, OutgoingPost, PublishTarget } from '../../src/main/services/publish/publishTarget'
import type { FaultProxy } from './proxy'
import type { Media } from './publishedReview'

/**
 * Uploads the images, keeping the blog's copies in `media`; each copy's address matches `address`
 * and the blog serves it back byte for byte.
 */
export async function uploadServedAsSent(blog: PublishTarget, images: readonly OutgoingImage[], media: Media, address: (image: OutgoingImage) => RegExp): Promise<void> {
  for (const img of images) media.set(img.path, await blog.uploadImage(img))
  for (const img of images) {
    const url = media.get(img.path)?.url
    expect(url).toMatch(address(img))
    await expectServedAsSent(url ?? '', img.bytes)
  }
}

/**
 * Creates `out` through `via`, a target on `proxy`, which loses the reply to the request that
 * `isCreate` names after the blog committed the post: the target reports a transient failure.
 */
export async function createLosingReply(via: PublishTarget, proxy: FaultProxy, out: OutgoingPost, isCreate: (method: string, path: string) => boolean): Promise<void> {
  await via.check()
  proxy.dropReplyOnce(isCreate)
  const error = await via.create(out).catch((e: unknown) => e)
  expect(isPublishError(error, 'transient')).toBe(true)
  expect(proxy.requests.at(-1)).toMatchObject({ method: 'POST', outcome: 'dropped' })
}

/** The blog serves the image at `url` as the PNG it was sent, byte for byte. */
async function expectServedAsSent(url: string, bytes: Uint8Array): Promise<void> {
  const response = await fetch(url)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('image/png')
  expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)
}
