import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type ImageType } from '../../../src/shared/model'
import { imageLimitsOf, importImage } from '../../../src/main/services/assets/import'
import { FOLLOWS_TITLE_FILE, type Library } from '../../../src/main/services/library/library'
import { rejection } from '../../support/errors'
import {
  AVIF,
  GIF,
  gifClaiming,
  isoImage,
  JPEG,
  JPEG_PROGRESSIVE,
  jpegClaiming,
  png,
  WEBP_EXTENDED,
  WEBP_LOSSLESS,
  WEBP_LOSSY,
  webpClaiming,
  withExifOrientation,
} from './images'
import { libraryWithOneReview } from './oneReview'

const limits = imageLimitsOf(DEFAULT_SETTINGS)
let base: string
let root: string
let library: Library
let id: string

beforeEach(async () => {
  ;({ base, root, library, id } = await libraryWithOneReview('assets'))
})

const assetsDir = () => join(root, id, 'assets')
const hash16 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16)

/** Every file under the library but what a new review holds, so "nothing was written" can be checked. */
async function written(): Promise<string[]> {
  const all = (await readdir(base, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name !== 'review.md' && e.name !== FOLLOWS_TITLE_FILE)
  return all.map((e) => join(e.parentPath, e.name).slice(base.length + 1)).sort()
}

describe('importImage: accepted types', () => {
  const cases: [string, Uint8Array, ImageType, string, number, number][] = [
    ['photo.png', png(7, 5), 'image/png', 'png', 7, 5],
    ['photo.jpg', JPEG, 'image/jpeg', 'jpg', 7, 5],
    ['progressive.jpg', JPEG_PROGRESSIVE, 'image/jpeg', 'jpg', 7, 5],
    ['lossy.webp', WEBP_LOSSY, 'image/webp', 'webp', 7, 5],
    ['lossless.webp', WEBP_LOSSLESS, 'image/webp', 'webp', 7, 5],
    ['alpha.webp', WEBP_EXTENDED, 'image/webp', 'webp', 7, 5],
    ['anim.gif', GIF, 'image/gif', 'gif', 7, 5],
    ['still.avif', AVIF, 'image/avif', 'avif', 6, 4],
  ]
  it.each(cases)('stores %s under its content hash and reports its size', async (fileName, bytes, type, ext, width, height) => {
    const asset = await importImage(library, id, fileName, bytes, limits)
    expect(asset).toEqual({ path: `assets/${hash16(bytes)}.${ext}`, type, width, height, bytes: bytes.byteLength })
    expect(new Uint8Array(await readFile(join(root, id, asset.path)))).toEqual(bytes)
    expect(await readdir(assetsDir())).toEqual([`${hash16(bytes)}.${ext}`])
  })

  it('takes the type from the bytes, not the name', async () => {
    const asset = await importImage(library, id, 'actually-a-png.jpg', png(3, 2), limits)
    expect(asset).toMatchObject({ type: 'image/png', width: 3, height: 2 })
    expect(asset.path).toMatch(/^assets\/[0-9a-f]{16}\.png$/)
  })

  it('reports a JPEG turned by EXIF orientation with its shown width and height', async () => {
    expect(await importImage(library, id, 'portrait.jpg', withExifOrientation(JPEG, 6), limits)).toMatchObject({ width: 5, height: 7 })
    expect(await importImage(library, id, 'upside-down.jpg', withExifOrientation(JPEG, 3), limits)).toMatchObject({ width: 7, height: 5 })
  })

  it('reads AVIF whose major brand is mif1, and applies irot to the primary item', async () => {
    const bytes = isoImage({ major: 'mif1', compatible: ['mif1', 'avif'], items: [{ id: 1, size: [640, 480], rotate: 1 }] })
    expect(await importImage(library, id, 'turned.avif', bytes, limits)).toMatchObject({ type: 'image/avif', width: 480, height: 640 })
  })

  it('reports the primary item of an AVIF, not the largest', async () => {
    const bytes = isoImage({ items: [{ id: 1, size: [320, 200] }, { id: 2, size: [1600, 1000] }], primary: 2 })
    expect(await importImage(library, id, 'two.avif', bytes, limits)).toMatchObject({ width: 1600, height: 1000 })
    const other = isoImage({ items: [{ id: 1, size: [320, 200] }, { id: 2, size: [1600, 1000] }], primary: 1 })
    expect(await importImage(library, id, 'two.avif', other, limits)).toMatchObject({ width: 320, height: 200 })
  })

  it('creates assets/ when the review has none', async () => {
    await rm(assetsDir(), { recursive: true })
    const asset = await importImage(library, id, 'a.gif', GIF, limits)
    expect((await stat(join(root, id, asset.path))).isFile()).toBe(true)
  })
})

describe('importImage: stored once', () => {
  it('returns the stored asset for the same bytes without writing again', async () => {
    const first = await importImage(library, id, 'one.png', png(4, 4), limits)
    const before = await stat(join(root, id, first.path))
    const second = await importImage(library, id, 'another name.png', png(4, 4), limits)
    expect(second).toEqual(first)
    const after = await stat(join(root, id, first.path))
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])
    expect(await readdir(assetsDir())).toEqual([first.path.slice('assets/'.length)])
  })

  it('keeps whatever else sat under the content name in the trash, then stores the image', async () => {
    const bytes = png(4, 4)
    const name = `${hash16(bytes)}.png`
    await writeFile(join(assetsDir(), name), 'edited elsewhere')
    await importImage(library, id, 'x.png', bytes, limits)
    expect(new Uint8Array(await readFile(join(assetsDir(), name)))).toEqual(bytes)
    const [trashFolder] = await readdir(join(root, '.trash'))
    expect(trashFolder).toMatch(new RegExp(`^assets-${id}-\\d+$`))
    expect(await readFile(join(root, '.trash', trashFolder!, name), 'utf8')).toBe('edited elsewhere')
  })
})

describe('importImage: refusals write nothing', () => {
  it('refuses a text file renamed .png', async () => {
    const before = await written()
    const error = await rejection(importImage(library, id, 'notes.png', Buffer.from('Remember to mention the score.\n'), limits))
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toMatch(/^“notes\.png” is not an image Verdict can use: its contents are not JPEG, PNG, WebP, GIF or AVIF\.$/)
    expect(await written()).toEqual(before)
  })

  it.each([
    ['plain', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'utf8'],
    ['with an XML declaration and BOM', '\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<svg onload="alert(1)"/>', 'utf8'],
    ['in UTF-16', '\uFEFF<svg><script>alert(1)</script></svg>', 'utf16le'],
  ] as const)('refuses SVG (%s), saying why', async (_label, text, encoding) => {
    await rm(assetsDir(), { recursive: true })
    const error = await rejection(importImage(library, id, 'logo.png', Buffer.from(text, encoding), limits))
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toMatch(/^“logo\.png” is an SVG drawing\. Verdict does not accept SVG files because they can carry scripts/)
    expect(await written()).toEqual([])
    await expect(stat(assetsDir())).rejects.toThrow()
  })

  it.each([
    ['a HEIC image', isoImage({ major: 'heic', compatible: ['mif1', 'heic'], items: [{ id: 1, size: [8, 8] }] })],
    ['a BMP image', Buffer.concat([Buffer.from('BM'), Buffer.alloc(12), Buffer.from([40, 0, 0, 0]), Buffer.alloc(40)])],
    ['a TIFF image', Buffer.from('II*\0\x08\0\0\0', 'latin1')],
    ['a PDF document', Buffer.from('%PDF-1.7\n')],
  ])('names %s and lists the accepted formats', async (what, bytes) => {
    const error = await rejection(importImage(library, id, 'picture', bytes, limits))
    expect(error.message).toBe(`“picture” is ${what}, which Verdict does not accept. Accepted formats: JPEG, PNG, WebP, GIF and AVIF.`)
    expect(await written()).toEqual([])
  })

  it('refuses an oversized file by its byte count before looking inside', async () => {
    const big = new Uint8Array(Math.round(31.2 * 1024 * 1024)) // zeros: not even an image
    const error = await rejection(importImage(library, id, 'scan.tif', big, limits))
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toBe('“scan.tif” is 31.2 MB; images up to 25 MB are accepted.')
    const justOver = await rejection(importImage(library, id, 'a.png', new Uint8Array(limits.maxBytes + 1), limits))
    expect(justOver.message).toBe('“a.png” is 25.1 MB; images up to 25 MB are accepted.')
    expect(await written()).toEqual([])
  })

  it('refuses a header declaring 50000×50000 px without reading pixels', async () => {
    const bomb = png(50000, 50000, { header: true })
    expect(bomb.byteLength).toBeLessThan(64) // the file holds no pixel data at all
    const heap = process.memoryUsage().arrayBuffers
    const error = await rejection(importImage(library, id, 'bomb.png', bomb, limits))
    expect(process.memoryUsage().arrayBuffers - heap).toBeLessThan(16 * 1024 * 1024)
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toBe('“bomb.png” declares 50,000 × 50,000 pixels (2,500 megapixels); images up to 40 megapixels are accepted.')
    expect(await written()).toEqual([])
  })

  it.each([
    ['JPEG', jpegClaiming(65000, 65000)],
    ['GIF', gifClaiming(65535, 65535)],
    ['WebP', webpClaiming(16000, 16000)],
    ['AVIF (primary)', isoImage({ items: [{ id: 1, size: [20000, 20000] }] })],
    ['AVIF (a hidden item)', isoImage({ items: [{ id: 1, size: [100, 100] }, { id: 2, size: [30000, 30000] }] })],
  ])('refuses a %s declaring too many pixels', async (_type, bytes) => {
    const error = await rejection(importImage(library, id, 'big', bytes, limits))
    expect(error.message).toMatch(/^“big” declares [\d,]+ × [\d,]+ pixels \([\d,.]+ megapixels\); images up to 40 megapixels are accepted\.$/)
    expect(await written()).toEqual([])
  })

  it('applies the limits it is given', async () => {
    const error = await rejection(importImage(library, id, 'p.png', png(2000, 1000), { maxBytes: limits.maxBytes, maxPixels: 1_000_000 }))
    expect(error.message).toBe('“p.png” declares 2,000 × 1,000 pixels (2 megapixels); images up to 1 megapixels are accepted.')
  })

  it.each([
    ['a truncated PNG', png(7, 5).subarray(0, 20), /its PNG header is incomplete/],
    ['a PNG with a bad IHDR checksum', Buffer.from(png(7, 5)).fill(0, 29, 33), /its PNG header fails its checksum/],
    ['a PNG declaring zero width', png(0, 5), /its PNG header declares an impossible size \(0 × 5 pixels\)/],
    ['a truncated WebP', WEBP_LOSSY.subarray(0, 18), /its WebP header is incomplete/],
    ['a WebP without its VP8 start code', Buffer.from(WEBP_LOSSY).fill(0, 23, 26), /its WebP header lacks the VP8 start code/],
    ['a JPEG without a frame header', JPEG.subarray(0, 40), /its JPEG header never states the image size \(is the file cut short\?\)/],
    ['an AVIF without meta', isoImage({ items: [] }).subarray(0, 28), /its AVIF header has no image description/],
    ['an AVIF without a primary size', isoImage({ items: [{ id: 1, size: [5, 5] }], primary: 7 }), /its AVIF header gives no size for its primary image/],
  ])('refuses %s as a damaged header', async (_label, bytes, message) => {
    const error = await rejection(importImage(library, id, 'x', bytes, limits))
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toMatch(/^“x” is not an image Verdict can use: /)
    expect(error.message).toMatch(message)
    expect(await written()).toEqual([])
  })

  it('refuses an empty file', async () => {
    expect((await rejection(importImage(library, id, 'empty.png', new Uint8Array(), limits))).message).toBe('“empty.png” is empty: there is no image in it.')
  })

  it('shows only the file name itself in messages', async () => {
    const error = await rejection(importImage(library, id, '/home/ana/Pictures/notes\u202e.png', Buffer.from('hi'), limits))
    expect(error.message).toMatch(/^“notes\.png” is not an image/)
  })
})

describe('importImage: stays inside the library', () => {
  it.each(['../outside', '..', '', '.trash', 'a/b', 'a\\b'])('refuses the review id %j', async (bad) => {
    await mkdir(join(base, 'outside'), { recursive: true })
    const error = await rejection(importImage(library, bad, 'a.png', png(2, 2), limits))
    expect(error.code).toBe('OUTSIDE_LIBRARY')
    expect(await written()).toEqual([])
  })

  it('refuses a review folder that is a link to elsewhere', async () => {
    await mkdir(join(base, 'elsewhere'))
    await symlink(join(base, 'elsewhere'), join(root, 'linked'))
    expect((await rejection(importImage(library, 'linked', 'a.png', png(2, 2), limits))).code).toBe('OUTSIDE_LIBRARY')
    expect(await readdir(join(base, 'elsewhere'))).toEqual([])
  })

  it('refuses an assets folder that is a link to elsewhere', async () => {
    await mkdir(join(base, 'elsewhere'))
    await rm(assetsDir(), { recursive: true })
    await symlink(join(base, 'elsewhere'), assetsDir())
    expect((await rejection(importImage(library, id, 'a.png', png(2, 2), limits))).code).toBe('OUTSIDE_LIBRARY')
    expect(await readdir(join(base, 'elsewhere'))).toEqual([])
  })

  it('says when the review is gone', async () => {
    expect((await rejection(importImage(library, 'no-such-review', 'a.png', png(2, 2), limits))).code).toBe('NOT_FOUND')
  })
})
