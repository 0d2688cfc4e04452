/** Review → page for an export: images inlined as data: URIs or copied next to the page. */
import { basename } from 'node:path'
import { buildPost, renderPage, type BuildOptions, type Post, type Theme } from '../pipeline'
import { dataUri, readSourceImage, type LoadedAsset } from './readImages'
import type { ReviewSource } from './source'

export interface RenderSettings {
  theme: Theme
  colorScheme?: 'light' | 'dark'
  /** The library's `.verdict/theme.css`, if any (see `loadUserCss`). */
  userCss?: string
  /** Embeds as players (true) or as poster cards with a link (false, the default for files). */
  online?: boolean
  wordsPerMinute?: number
  locale?: string
  spoilersOpen?: boolean
  site?: BuildOptions['site']
}

export interface RenderedExport {
  post: Post
  html: string
  /** For the folder layout: files to write next to the page, by relative path (`images/x.png`). */
  files: Map<string, Uint8Array>
}

/** The images a post refers to, read from the review folder or its site's (missing or unsafe ones are left out). */
async function loadImages(source: ReviewSource, settings: RenderSettings): Promise<Map<string, LoadedAsset>> {
  const probe = buildPost(source, { ...buildOptions(settings), resolveAsset: (path) => path })
  const paths = new Set(probe.assets.map((a) => a.path))
  if (probe.featuredImage) paths.add(probe.featuredImage.path)
  const loaded = new Map<string, LoadedAsset>()
  for (const path of paths) {
    const asset = await readSourceImage(source, path)
    if (asset) loaded.set(path, asset)
  }
  return loaded
}

function buildOptions(settings: RenderSettings): BuildOptions {
  return {
    online: settings.online ?? false,
    wordsPerMinute: settings.wordsPerMinute,
    locale: settings.locale,
    spoilersOpen: settings.spoilersOpen,
    site: settings.site,
  }
}

export async function renderForExport(source: ReviewSource, layout: 'inline' | 'folder', settings: RenderSettings): Promise<RenderedExport> {
  const images = await loadImages(source, settings)
  const files = new Map<string, Uint8Array>()
  const names = new Map<string, string>()
  const taken = new Set<string>()
  const resolveAsset = (path: string): string | undefined => {
    const asset = images.get(path)
    if (!asset) return undefined
    if (layout === 'inline') return dataUri(asset)
    let name = names.get(path)
    if (!name) {
      const stem = basename(path).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_-]/g, '_') || 'image'
      name = `images/${stem}.${asset.ext}`
      for (let n = 2; taken.has(name); n++) name = `images/${stem}-${n}.${asset.ext}`
      taken.add(name)
      names.set(path, name)
      files.set(name, asset.bytes)
    }
    return name
  }
  const post = buildPost(source, { ...buildOptions(settings), resolveAsset })
  const html = renderPage(post, {
    theme: settings.theme,
    colorScheme: settings.colorScheme ?? 'light',
    userCss: settings.userCss,
    online: settings.online ?? false,
  })
  return { post, html, files }
}
