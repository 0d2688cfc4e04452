/**
 * Real image bytes for the asset tests. PNGs and ISO-BMFF (AVIF/HEIC) headers are built here; the
 * JPEG, WebP and GIF files are tiny real encodings (ImageMagick 6.9, `-strip`), embedded so the
 * tests need no encoder:
 *   convert -size 7x5 xc:'#c03030' -strip [-interlace Plane] x.jpg
 *   convert -size 7x5 xc:'#3030c0' -strip -define webp:lossless=false|true x.webp
 *   convert -size 7x5 xc:'rgba(48,48,192,0.5)' -strip -define webp:lossless=false x.webp  (VP8X)
 *   convert -size 7x5 xc:red -strip x.gif
 *   convert -size 6x4 xc:'#30c030' -strip x.avif
 */
import { randomBytes } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'

const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'))

/** 7×5 baseline JPEG. */
export const JPEG = b64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAFAAcDAREAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAB//EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAVAQEBAAAAAAAAAAAAAAAAAAAHCP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/ABwfrAf/2Q==',
)
/** 7×5 progressive JPEG. */
export const JPEG_PROGRESSIVE = b64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wgARCAAFAAcDAREAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAABv/EABUBAQEAAAAAAAAAAAAAAAAAAAYH/9oADAMBAAIQAxAAAAEafsH/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAEFAn//xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAEDAQE/AX//xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAECAQE/AX//xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAY/An//xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAE/IX//2gAMAwEAAgADAAAAEJ//xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAEDAQE/EH//xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oACAECAQE/EH//xAAUEAEAAAAAAAAAAAAAAAAAAAAA/9oACAEBAAE/EH//2Q==',
)
/** 7×5 lossy WebP (`VP8 `). */
export const WEBP_LOSSY = b64('UklGRjgAAABXRUJQVlA4ICwAAABwAQCdASoHAAUAAgA0JaACdAFAAAD+86T//q0P/+Wh//y0P3PsYsPDKAAAAA==')
/** 7×5 lossless WebP (`VP8L`). */
export const WEBP_LOSSLESS = b64('UklGRh4AAABXRUJQVlA4TBEAAAAvBgABAAdQmMIUuP+BiOh/AAA=')
/** 7×5 lossy WebP with alpha (`VP8X`). */
export const WEBP_EXTENDED = b64(
  'UklGRlwAAABXRUJQVlA4WAoAAAAQAAAABgAABAAAQUxQSAoAAAABB9C/iAhERP8DVlA4ICwAAABwAQCdASoHAAUAAgA0JaACdAFAAAD+86T//q0P/+Wh//y0P3PsYsPDKAAAAA==',
)
/** 7×5 GIF89a. */
export const GIF = b64('R0lGODlhBwAFAPAAAP8AAAAAACH5BAAAAAAALAAAAAAHAAUAAAIFhI+puwUAOw==')
/** 6×4 AVIF (major brand `avif`, one `av01` item). */
export const AVIF = b64(
  'AAAAHGZ0eXBhdmlmAAAAAGF2aWZtaWYxbWlhZgAAAOptZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAAImlsb2MAAAAAREAAAQABAAAAAAEOAAEAAAAAAAAAGQAAACNpaW5mAAAAAAABAAAAFWluZmUCAAAAAAEAAGF2MDEAAAAAamlwcnAAAABLaXBjbwAAABNjb2xybmNseAACAAIABoAAAAAMYXYxQ4EADAAAAAAUaXNwZQAAAAAAAAAGAAAABAAAABBwaXhpAAAAAAMICAgAAAAXaXBtYQAAAAAAAAABAAEEgYIDhAAAACFtZGF0EgAKBRgIbsCEMg4YAAooooQAAJCaYCGr9A==',
)

const u32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}
const u16 = (n: number) => {
  const b = Buffer.alloc(2)
  b.writeUInt16BE(n)
  return b
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  return Buffer.concat([u32(data.byteLength), body, u32(crc32(body))])
}

/**
 * A PNG of `width`×`height` grey pixels. With `header: true` only the signature and IHDR: enough to
 * declare any size (an "image bomb") without the file holding a single pixel.
 */
export function png(width: number, height: number, options: { header?: boolean } = {}): Uint8Array {
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([8, 0, 0, 0, 0])]) // 8-bit greyscale
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)]
  if (!options.header) {
    const rows = Buffer.alloc((width + 1) * height, 0x80)
    for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0 // filter type "none"
    parts.push(chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array()))
  }
  return new Uint8Array(Buffer.concat(parts))
}

/** An RGB PNG of random pixels: incompressible, so its file is about 3 bytes per pixel (an image too large for a blog). */
export function noisePng(width: number, height: number): Uint8Array {
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])]) // 8-bit RGB
  const rows = randomBytes((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0 // filter type "none"
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 1 })), chunk('IEND', new Uint8Array())]))
}

/** The JPEG with an EXIF APP1 segment declaring `orientation` inserted right after SOI. */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = Buffer.concat([
    Buffer.from('MM\0*', 'latin1'),
    u32(8),
    u16(1), // one IFD entry
    u16(0x0112), u16(3), u32(1), u16(orientation), u16(0), // Orientation, SHORT, 1 value
    u32(0), // no next IFD
  ])
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), u16(payload.byteLength + 2), payload])
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]))
}

/** The baseline JPEG with its SOF0 claiming another size (the coded data stays 7×5). */
export function jpegClaiming(width: number, height: number): Uint8Array {
  const copy = Buffer.from(JPEG)
  const sof = copy.indexOf(Buffer.from([0xff, 0xc0]))
  copy.writeUInt16BE(height, sof + 5)
  copy.writeUInt16BE(width, sof + 7)
  return new Uint8Array(copy)
}

/** The GIF with its logical screen claiming another size. */
export function gifClaiming(width: number, height: number): Uint8Array {
  const copy = Buffer.from(GIF)
  copy.writeUInt16LE(width, 6)
  copy.writeUInt16LE(height, 8)
  return new Uint8Array(copy)
}

/** The VP8X WebP with its canvas claiming another size (24-bit fields, stored minus one). */
export function webpClaiming(width: number, height: number): Uint8Array {
  const copy = Buffer.from(WEBP_EXTENDED)
  copy.writeUIntLE(width - 1, 24, 3)
  copy.writeUIntLE(height - 1, 27, 3)
  return new Uint8Array(copy)
}

export function box(type: string, ...payload: Uint8Array[]): Buffer {
  const body = Buffer.concat(payload)
  return Buffer.concat([u32(body.byteLength + 8), Buffer.from(type, 'latin1'), body])
}

const fullBox = (type: string, version: number, ...payload: Uint8Array[]) => box(type, Buffer.from([version, 0, 0, 0]), ...payload)

export interface IsoItem {
  id: number
  size: [number, number]
  /** `irot` angle in quarter turns anticlockwise. */
  rotate?: number
}

/**
 * An ISO-BMFF still image header: `ftyp`, then `meta` with `pitm` and `iprp` (`ipco` holding one
 * `ispe` per item, plus `irot`s, and an `ipma` tying them to the items), then a token `mdat`.
 */
export function isoImage(options: { major?: string; compatible?: string[]; items: IsoItem[]; primary?: number }): Uint8Array {
  const { major = 'avif', compatible = ['avif', 'mif1', 'miaf'], items, primary = items[0]?.id ?? 1 } = options
  const ftyp = box('ftyp', Buffer.from(major, 'latin1'), u32(0), ...compatible.map((b) => Buffer.from(b, 'latin1')))
  const properties: Buffer[] = []
  const associations: Buffer[] = []
  for (const item of items) {
    properties.push(fullBox('ispe', 0, u32(item.size[0]), u32(item.size[1])))
    const indices = [properties.length]
    if (item.rotate !== undefined) {
      properties.push(box('irot', Buffer.from([item.rotate & 3])))
      indices.push(properties.length)
    }
    associations.push(Buffer.concat([u16(item.id), Buffer.from([indices.length, ...indices.map((i) => 0x80 | i)])]))
  }
  const ipma = fullBox('ipma', 0, u32(items.length), ...associations)
  const meta = fullBox(
    'meta',
    0,
    fullBox('hdlr', 0, u32(0), Buffer.from('pict', 'latin1'), Buffer.alloc(13)),
    fullBox('pitm', 0, u16(primary)),
    box('iprp', box('ipco', ...properties), ipma),
  )
  return new Uint8Array(Buffer.concat([ftyp, meta, box('mdat', Buffer.from([0x12, 0x00, 0x0a]))]))
}
