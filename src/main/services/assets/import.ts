import { createHash } from 'node:crypto'
import { lstat, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { VerdictError } from '../../../shared/contract'
import { DEFAULT_SETTINGS, IMAGE_TYPES, type ImageAsset, type ImageType, type Settings } from '../../../shared/model'
import { describeIoError, fail, isErrnoCode } from '../errors'
import { readSourceImage } from '../export/readImages'
import { writeFileAtomic } from '../fs/atomicWrite'
import type { Library } from '../library/library'
import { assetsFolder, moveAssetsToTrash, serialized } from './assetsDir'
import { forgetUnreferenced } from './ledger'
import { EXTENSIONS, FORMAT_NAMES, probeImage } from './probe'

export interface ImageLimits {
  /** Files above this many bytes are refused before anything is parsed. */
  maxBytes: number
  /** Images declaring more than this many pixels (width × height, from the header) are refused. */
  maxPixels: number
}

/** The limits in force, falling back to the defaults if the stored settings hold nonsense. */
export function imageLimitsOf(settings: Pick<Settings, 'maxImageBytes' | 'maxImagePixels'>): ImageLimits {
  const sane = (n: number, fallback: number) => (Number.isFinite(n) && n > 0 ? n : fallback)
  return {
    maxBytes: sane(settings.maxImageBytes, DEFAULT_SETTINGS.maxImageBytes),
    maxPixels: sane(settings.maxImagePixels, DEFAULT_SETTINGS.maxImagePixels),
  }
}

const ACCEPTED = IMAGE_TYPES.map((t) => FORMAT_NAMES[t])
const ACCEPTED_LIST = `${ACCEPTED.slice(0, -1).join(', ')} and ${ACCEPTED.at(-1)}`
const ACCEPTED_ALTERNATIVES = `${ACCEPTED.slice(0, -1).join(', ')} or ${ACCEPTED.at(-1)}`

/**
 * Copies an image into the review's `assets/` as `<first 16 hex of its SHA-256>.<ext>` and
 * describes it. The type comes from the bytes, never the name; the size limits are checked before
 * any parsing, and the pixel limit from the header before anything is written (nothing is ever
 * decoded). The same bytes are stored once: a second import returns the stored file untouched.
 * Refusals are `INVALID_ARGUMENT` (or `OUTSIDE_LIBRARY`/`NOT_FOUND` for the review), failures of
 * the disk `IO`; on any of them nothing has been written.
 *
 * `fileName` only serves the messages.
 */
export async function importImage(library: Library, id: string, fileName: string, data: Uint8Array, limits: ImageLimits): Promise<ImageAsset> {
  const name = shownName(fileName)
  if (!(data instanceof Uint8Array)) fail('INVALID_ARGUMENT', `No image data was received for ${name}.`)
  if (!(limits.maxBytes > 0 && limits.maxPixels > 0)) fail('INTERNAL', 'The image size limits are not set.')
  if (data.byteLength === 0) fail('INVALID_ARGUMENT', `${name} is empty: there is no image in it.`)
  if (data.byteLength > limits.maxBytes) {
    fail('INVALID_ARGUMENT', `${name} is ${formatBytes(data.byteLength, 'up')}; images up to ${formatBytes(limits.maxBytes, 'down')} are accepted.`)
  }

  const probe = probeImage(data)
  if (probe.kind === 'svg') {
    fail(
      'INVALID_ARGUMENT',
      `${name} is an SVG drawing. Verdict does not accept SVG files because they can carry scripts that would run in your review. ` +
        'Export it as PNG or WebP and import that instead.',
    )
  }
  if (probe.kind === 'other') fail('INVALID_ARGUMENT', `${name} is ${probe.what}, which Verdict does not accept. Accepted formats: ${ACCEPTED_LIST}.`)
  if (probe.kind === 'unknown') fail('INVALID_ARGUMENT', `${name} is not an image Verdict can use: its contents are not ${ACCEPTED_ALTERNATIVES}.`)
  if (probe.kind === 'damaged') {
    fail('INVALID_ARGUMENT', `${name} is not an image Verdict can use: its ${FORMAT_NAMES[probe.type]} header ${probe.reason}.`)
  }
  const { width, height } = probe.largest
  if (width * height > limits.maxPixels) {
    fail(
      'INVALID_ARGUMENT',
      `${name} declares ${count(width)} × ${count(height)} pixels (${formatMegapixels(width * height, 'up')}); ` +
        `images up to ${formatMegapixels(limits.maxPixels, 'down')} are accepted.`,
    )
  }

  const folder = await assetsFolder(library, id)
  const file = `${createHash('sha256').update(data).digest('hex').slice(0, 16)}.${EXTENSIONS[probe.type]}`
  const asset: ImageAsset = { path: `${folder.prefix}${file}`, type: probe.type, width: probe.width, height: probe.height, bytes: data.byteLength }
  const target = join(folder.path, file)

  await serialized(folder.path, async () => {
    try {
      const existing = await regularFileBytes(target)
      if (existing === 'absent') {
        await mkdir(folder.path, { recursive: true })
        await writeFileAtomic(target, data)
      } else if (existing === 'other' || !Buffer.from(existing.buffer, existing.byteOffset, existing.byteLength).equals(data)) {
        // Something else sits under this content name (edited elsewhere, or not a file): keep it in the trash.
        await moveAssetsToTrash(library, id, folder.path, [file], new Date())
        await writeFileAtomic(target, data)
      }
      // Stored (again): whatever the clean-up had noted about this file no longer holds.
      await forgetUnreferenced(folder.path, file)
    } catch (error) {
      if (error instanceof VerdictError) throw error
      throw describeIoError(error, `import ${name}`)
    }
  })
  return asset
}

async function regularFileBytes(path: string): Promise<Uint8Array | 'absent' | 'other'> {
  try {
    if (!(await lstat(path)).isFile()) return 'other'
    return await readFile(path)
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return 'absent'
    throw error
  }
}

/** The file's own name, quoted, for messages: no folders, no control characters, not too long. */
function shownName(fileName: string): string {
  const base = (typeof fileName === 'string' ? fileName : '')
    .split(/[\\/]/)
    .at(-1)!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
  if (!base) return 'The file'
  return `“${base.length > 80 ? `${base.slice(0, 79)}…` : base}”`
}

const count = (n: number) => n.toLocaleString('en-US')

/**
 * One decimal, rounded `up` for the file and `down` for the limit, so a file just over the limit
 * never reads as "25 MB; images up to 25 MB are accepted".
 */
function oneDecimal(n: number, rounding: 'up' | 'down'): string {
  const tenths = rounding === 'up' ? Math.ceil(n * 10 - 1e-9) : Math.floor(n * 10 + 1e-9)
  return count(tenths / 10)
}

function formatBytes(bytes: number, rounding: 'up' | 'down'): string {
  const KB = 1024
  const MB = 1024 * 1024
  if (bytes >= MB) return `${oneDecimal(bytes / MB, rounding)} MB`
  if (bytes >= KB) return `${oneDecimal(bytes / KB, rounding)} KB`
  return `${count(bytes)} bytes`
}

function formatMegapixels(pixels: number, rounding: 'up' | 'down'): string {
  return pixels >= 100_000 ? `${oneDecimal(pixels / 1e6, rounding)} megapixels` : `${count(pixels)} pixels`
}

/** One of the review's images, read as export reads them: inside its folder or its site's (symlinks resolved), an image by its bytes. */
export async function readImage(library: Library, id: string, path: string): Promise<{ data: Uint8Array; type: ImageType }> {
  const image = await readSourceImage({ dir: await library.reviewDir(id), site: await library.siteFiles() }, path)
  if (!image) fail('NOT_FOUND', `The image ${path} is missing from the review, or not an image.`)
  return { data: image.bytes, type: image.mime }
}
