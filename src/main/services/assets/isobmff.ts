/**
 * Just enough of ISO-BMFF (the box format of AVIF, HEIF and MP4) to tell the family of a file from
 * its `ftyp` brands and to read the declared size of an AVIF still image from `meta`, without
 * touching the coded data. `image-size` falls short here: it reports an AVIF whose major brand is
 * `mif1` as HEIF, ignores `avis`, and takes the largest `ispe` rather than the primary item's.
 */

/** A header that is present but says something impossible; the message completes "its … header …". */
export class HeaderError extends Error {}

export type Family = 'avif' | 'heic' | 'heif' | 'video' | 'unknown'

export interface IsoImage {
  /** `ispe` of the primary item: the size of the picture as coded, before `irot`. */
  primary: { width: number; height: number }
  /** The largest `ispe` of any item. */
  largest: { width: number; height: number }
  /** An `irot` of 90° or 270° on the primary item: shown with the axes swapped. */
  quarterTurn: boolean
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs'])
const HEIF_BRANDS = new Set(['mif1', 'mif2', 'msf1'])
const VIDEO_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'qt  ', 'M4V ', 'avc1', '3gp4', '3gp5', '3g2a', 'dash'])

interface Box {
  type: string
  /** Offset of the box's payload. */
  body: number
  end: number
}

export function probeIsoBmff(d: Uint8Array) {
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength)
  const brands = readBrands(d, view)
  const family: Family =
    brands.some((b) => b === 'avif' || b === 'avis') ? 'avif'
    : brands.some((b) => HEIC_BRANDS.has(b)) ? 'heic'
    : brands.some((b) => HEIF_BRANDS.has(b)) ? 'heif'
    : brands.some((b) => VIDEO_BRANDS.has(b)) ? 'video'
    : 'unknown'
  return { family, image: () => readImage(d, view) }
}

function readBrands(d: Uint8Array, view: DataView): string[] {
  if (d.byteLength < 16 || fourcc(d, 4) !== 'ftyp') return []
  const end = Math.min(view.getUint32(0), d.byteLength)
  const brands = [fourcc(d, 8)]
  for (let p = 16; p + 4 <= end; p += 4) brands.push(fourcc(d, p))
  return brands
}

function readImage(d: Uint8Array, view: DataView): IsoImage {
  const meta = find(children(d, view, 0, d.byteLength), 'meta')
  if (!meta) throw new HeaderError('has no image description (meta box)')
  const metaBoxes = children(d, view, meta.body + 4, meta.end)
  const pitm = find(metaBoxes, 'pitm')
  if (!pitm) throw new HeaderError('names no primary image')
  const primaryId = d[pitm.body] === 0 ? u16(view, pitm.body + 4, pitm.end) : u32(view, pitm.body + 4, pitm.end)

  const iprp = find(metaBoxes, 'iprp')
  const propertyBoxes = iprp ? children(d, view, iprp.body, iprp.end) : []
  const ipco = find(propertyBoxes, 'ipco')
  if (!ipco) throw new HeaderError('has no image properties')
  const properties = [...children(d, view, ipco.body, ipco.end)]
  const sizes = new Map<number, { width: number; height: number }>()
  properties.forEach((box, index) => {
    if (box.type === 'ispe') sizes.set(index + 1, { width: u32(view, box.body + 4, box.end), height: u32(view, box.body + 8, box.end) })
  })
  if (sizes.size === 0) throw new HeaderError('gives no image size')

  const primaryProps = new Set<number>()
  for (const ipma of propertyBoxes.filter((b) => b.type === 'ipma')) {
    for (const [itemId, indices] of readAssociations(d, view, ipma)) if (itemId === primaryId) indices.forEach((i) => primaryProps.add(i))
  }
  const primaryIndex = [...primaryProps].find((i) => sizes.has(i))
  if (primaryIndex === undefined) throw new HeaderError('gives no size for its primary image')
  const primary = sizes.get(primaryIndex)!
  const largest = [...sizes.values()].reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a))
  const irot = [...primaryProps].map((i) => properties[i - 1]).find((b) => b?.type === 'irot')
  const angle = irot ? (byteAt(d, irot.body, irot.end) & 3) : 0
  return { primary, largest, quarterTurn: angle === 1 || angle === 3 }
}

/** `ipma`: for each item, the (1-based) indices of its properties in `ipco`. */
function readAssociations(d: Uint8Array, view: DataView, ipma: Box): [number, number[]][] {
  const version = byteAt(d, ipma.body, ipma.end)
  const wideIndex = (byteAt(d, ipma.body + 3, ipma.end) & 1) === 1
  const count = u32(view, ipma.body + 4, ipma.end)
  const entries: [number, number[]][] = []
  let p = ipma.body + 8
  for (let n = 0; n < count; n++) {
    const itemId = version < 1 ? u16(view, p, ipma.end) : u32(view, p, ipma.end)
    p += version < 1 ? 2 : 4
    const associations = byteAt(d, p, ipma.end)
    p += 1
    const indices: number[] = []
    for (let a = 0; a < associations; a++) {
      indices.push(wideIndex ? u16(view, p, ipma.end) & 0x7fff : byteAt(d, p, ipma.end) & 0x7f)
      p += wideIndex ? 2 : 1
    }
    entries.push([itemId, indices])
  }
  return entries
}

/** The boxes laid end to end in `start…end`; a box overrunning its parent is a broken header. */
function children(d: Uint8Array, view: DataView, start: number, end: number): Box[] {
  const boxes: Box[] = []
  for (let p = start; p + 8 <= end; ) {
    let size = view.getUint32(p)
    let header = 8
    if (size === 1) {
      size = u32(view, p + 8, end) * 2 ** 32 + u32(view, p + 12, end)
      header = 16
    } else if (size === 0) {
      size = end - p
    }
    if (size < header) throw new HeaderError('is damaged (a box is shorter than its own header)')
    const type = fourcc(d, p + 4)
    if (p + size > end) {
      // The coded data (`mdat`) may be cut short without harming the header: stop there.
      if (type === 'mdat') break
      throw new RangeError(`box ${type} overruns its container`)
    }
    boxes.push({ type, body: p + header, end: p + size })
    p += size
  }
  return boxes
}

function find(boxes: Box[], type: string): Box | undefined {
  return boxes.find((b) => b.type === type)
}

function fourcc(d: Uint8Array, at: number): string {
  return String.fromCharCode(...d.subarray(at, at + 4))
}

function byteAt(d: Uint8Array, at: number, end: number): number {
  if (at + 1 > end) throw new RangeError('read past box')
  return d[at]!
}

function u16(view: DataView, at: number, end: number): number {
  if (at + 2 > end) throw new RangeError('read past box')
  return view.getUint16(at)
}

function u32(view: DataView, at: number, end: number): number {
  if (at + 4 > end) throw new RangeError('read past box')
  return view.getUint32(at)
}
