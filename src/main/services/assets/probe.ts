import { crc32 } from 'node:zlib'
import { imageSize } from 'image-size'
import type { ImageType } from '../../../shared/model'
import { HeaderError, probeIsoBmff } from './isobmff'

/**
 * What the bytes of a file say it is. Decided from magic numbers only (never the file name), and
 * the dimensions come from the header alone: no pixel is ever decoded, so a file declaring
 * 50000×50000 px costs nothing to inspect.
 */
export type Probe =
  | {
      kind: 'image'
      type: ImageType
      /** As displayed, i.e. after EXIF orientation (JPEG) or `irot` (AVIF) swaps the axes. */
      width: number
      height: number
      /**
       * The largest pixel grid the file declares anywhere (for AVIF, any item, e.g. an alpha plane
       * or a grid's tiles). The pixel limit is checked against this, not just the shown size.
       */
      largest: { width: number; height: number }
    }
  /** An accepted type whose header is not usable; `reason` completes "its … header …". */
  | { kind: 'damaged'; type: ImageType; reason: string }
  | { kind: 'svg' }
  /** Something recognisable that Verdict does not take (BMP, HEIC, a PDF, a video…). */
  | { kind: 'other'; what: string }
  | { kind: 'unknown' }

export const FORMAT_NAMES: Record<ImageType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/avif': 'AVIF',
}

export const EXTENSIONS: Record<ImageType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
}

/** PNG and friends store sizes as 31-bit values; anything larger is a broken header. */
const MAX_SIDE = 0x7fff_ffff

export function probeImage(data: Uint8Array): Probe {
  const type = acceptedTypeOf(data)
  if (type === undefined) return recogniseOther(data)
  try {
    const image = type === 'image/avif' ? avifSize(data) : headerSize(type, data)
    for (const { width, height } of [image, image.largest]) {
      if (!isSide(width) || !isSide(height)) {
        return { kind: 'damaged', type, reason: `declares an impossible size (${width} × ${height} pixels)` }
      }
    }
    return { kind: 'image', type, ...image }
  } catch (error) {
    const reason =
      error instanceof HeaderError ? error.message
      : error instanceof RangeError ? 'is incomplete (the file ends inside it)'
      : 'is damaged'
    return { kind: 'damaged', type, reason }
  }
}

function isSide(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_SIDE
}

/** Magic numbers of the five accepted types. */
function acceptedTypeOf(d: Uint8Array): ImageType | undefined {
  if (startsWith(d, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(d, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (ascii(d, 0, 6) === 'GIF87a' || ascii(d, 0, 6) === 'GIF89a') return 'image/gif'
  if (ascii(d, 0, 4) === 'RIFF' && ascii(d, 8, 12) === 'WEBP') return 'image/webp'
  if (ascii(d, 4, 8) === 'ftyp' && probeIsoBmff(d).family === 'avif') return 'image/avif'
  return undefined
}

type Size = Omit<Extract<Probe, { kind: 'image' }>, 'kind' | 'type'>

/** JPEG, PNG, GIF and WebP sizes come from `image-size`, plus the structural checks it skips. */
function headerSize(type: Exclude<ImageType, 'image/avif'>, d: Uint8Array): Size {
  if (type === 'image/png') checkPngHeader(d)
  if (type === 'image/webp') checkWebpHeader(d)
  const expected = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' }[type]
  let size
  try {
    size = imageSize(d)
  } catch (error) {
    // image-size throws TypeError for a JPEG whose markers run off the end or hold no frame header.
    if (type === 'image/jpeg' && error instanceof TypeError) throw new HeaderError('never states the image size (is the file cut short?)')
    throw error
  }
  if (size.type !== expected) throw new HeaderError(`does not match its ${FORMAT_NAMES[type]} signature`)
  const { width, height } = size
  // EXIF orientations 5–8 rotate by a quarter turn: the image is shown with its axes swapped.
  const swapped = type === 'image/jpeg' && size.orientation !== undefined && size.orientation >= 5 && size.orientation <= 8
  return {
    width: swapped ? height : width,
    height: swapped ? width : height,
    largest: { width, height },
  }
}

function avifSize(d: Uint8Array): Size {
  const { primary, largest, quarterTurn } = probeIsoBmff(d).image()
  return {
    width: quarterTurn ? primary.height : primary.width,
    height: quarterTurn ? primary.width : primary.height,
    largest,
  }
}

/**
 * The first chunk must be a 13-byte IHDR with a correct CRC. This also refuses Apple's "CgBI"
 * PNGs, which browsers cannot show.
 */
function checkPngHeader(d: Uint8Array): void {
  if (d.byteLength < 33) throw new RangeError('short PNG')
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength)
  if (ascii(d, 12, 16) !== 'IHDR' || view.getUint32(8) !== 13) throw new HeaderError('does not start with an IHDR chunk')
  if (crc32(d.subarray(12, 29)) !== view.getUint32(29)) throw new HeaderError('fails its checksum')
}

/** RIFF/WEBP must hold a VP8, VP8L or VP8X chunk with that chunk's own signature. */
function checkWebpHeader(d: Uint8Array): void {
  if (d.byteLength < 30) throw new RangeError('short WebP')
  const chunk = ascii(d, 12, 16)
  if (chunk === 'VP8 ' && !startsWith(d.subarray(23), [0x9d, 0x01, 0x2a])) throw new HeaderError('lacks the VP8 start code')
  else if (chunk === 'VP8L' && d[20] !== 0x2f) throw new HeaderError('lacks the VP8L signature')
  else if (chunk !== 'VP8 ' && chunk !== 'VP8L' && chunk !== 'VP8X') throw new HeaderError('has no VP8, VP8L or VP8X chunk')
}

/** Names formats that people plausibly try to import, for a message better than "unknown". */
function recogniseOther(d: Uint8Array): Probe {
  if (looksLikeSvg(d)) return { kind: 'svg' }
  if (ascii(d, 4, 8) === 'ftyp') {
    const family = probeIsoBmff(d).family
    if (family === 'heic') return { kind: 'other', what: 'a HEIC image' }
    if (family === 'heif') return { kind: 'other', what: 'a HEIF image' }
    if (family === 'video') return { kind: 'other', what: 'a video' }
  }
  const known: [string, (d: Uint8Array) => boolean][] = [
    ['a BMP image', (d) => ascii(d, 0, 2) === 'BM' && [12, 40, 52, 56, 64, 108, 124].includes(d[14] ?? 0)],
    ['a TIFF image', (d) => ascii(d, 0, 4) === 'II*\0' || ascii(d, 0, 4) === 'MM\0*'],
    ['a JPEG XL image', (d) => startsWith(d, [0xff, 0x0a]) || ascii(d, 4, 8) === 'JXL '],
    ['a JPEG 2000 image', (d) => ascii(d, 4, 8) === 'jP  ' || startsWith(d, [0xff, 0x4f, 0xff, 0x51])],
    ['a Photoshop document', (d) => ascii(d, 0, 4) === '8BPS'],
    ['a PDF document', (d) => ascii(d, 0, 5) === '%PDF-'],
    ['an icon file', (d) => startsWith(d, [0, 0, 1, 0]) && d.byteLength >= 22 && d[4] !== 0 && d[5] === 0],
    ['a compressed (gzip) file', (d) => startsWith(d, [0x1f, 0x8b])],
    ['a ZIP archive', (d) => ascii(d, 0, 4) === 'PK\x03\x04'],
  ]
  const match = known.find(([, test]) => test(d))
  return match ? { kind: 'other', what: match[0] } : { kind: 'unknown' }
}

/**
 * SVG is XML text: after an optional byte-order mark and whitespace it starts with `<`, and an
 * `<svg` element appears (possibly after an XML declaration, comments or a doctype).
 */
function looksLikeSvg(d: Uint8Array): boolean {
  const head = d.subarray(0, 64 * 1024)
  let text: string
  if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(head.subarray(2))
  else if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(head.subarray(2))
  else text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '')
  return /^\s*</.test(text) && /<svg[\s>/]/i.test(text)
}

function startsWith(d: Uint8Array, bytes: number[]): boolean {
  return d.byteLength >= bytes.length && bytes.every((b, i) => d[i] === b)
}

/** Bytes `start…end` as Latin-1 text ('' past the end), for comparing four-character codes. */
function ascii(d: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...d.subarray(start, end))
}
