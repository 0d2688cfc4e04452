/** Shared by the pipeline, block and export tests: the fixture reviews, a review of a body, and a checker for unsafe HTML. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Element, Nodes, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { ReviewMeta } from '../../../src/shared/model'
import { meta } from '../../support/documents'
import { FIXTURES } from '../../support/tempLibrary'
import { parseReview } from '../../../src/main/services/format'
import type { ReviewInput, Theme } from '../../../src/main/services/pipeline'
import type { StyleDirs } from '../../../src/main/services/export'

export const FIXTURE_NAMES = ['ballerina', 'piranesi', 'blue-rev'] as const
const ROOT = join(import.meta.dirname, '..', '..', '..')
/** The page's stylesheets as a checkout holds them. */
export const STYLE_DIRS: StyleDirs = { themes: join(ROOT, 'resources', 'themes'), blocks: join(ROOT, 'src', 'blocks') }
export const STUB_THEME: Theme = { name: 'golden', css: 'body { color: black; }' }

export function loadFixture(name: string): ReviewInput {
  const parsed = parseReview(readFileSync(join(FIXTURES, name, 'review.md')), { title: name, created: '', updated: '' })
  return { id: name, meta: parsed.meta, body: parsed.body }
}

/** A review of this body (its meta `meta()`'s, front matter extras and fields overridden as given). */
export const reviewInput = (body: string, extra: Record<string, unknown> = {}, overrides: Partial<ReviewMeta> = {}): ReviewInput => ({ id: 'r', meta: meta({ extra, ...overrides }), body })

export const assetUrl = (id: string) => (path: string) => `verdict-asset://${id}/${path}`

const YOUTUBE = /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/
const VIMEO = /^https:\/\/player\.vimeo\.com\/video\/\d+\?dnt=1$/
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=]+$/
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'background', 'data', 'srcSet', 'xLinkHref', 'ping', 'longDesc', 'codeBase', 'manifest', 'icon', 'profile', 'useMap', 'dynsrc', 'lowsrc']
const ALLOWED_META = new Set(['viewport', 'referrer', 'color-scheme', 'generator', 'description', 'author'])

/**
 * Everything that could run script, load from elsewhere, navigate by itself or restyle the page
 * from content, found in an HTML document or fragment. Empty means safe.
 */
export function unsafeParts(html: string, kind: 'document' | 'fragment'): string[] {
  const tree = fromHtml(html, { fragment: kind === 'fragment' })
  const problems: string[] = []
  let styles = 0
  let scripts = 0
  const visit = (node: Nodes, ancestors: Element[]): void => {
    if (node.type === 'element') check(node, ancestors)
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node.type === 'element' ? [...ancestors, node] : ancestors)
    if (node.type === 'element' && node.tagName === 'template' && node.content) visit(node.content as Root, [...ancestors, node])
  }
  const check = (el: Element, ancestors: Element[]): void => {
    const where = `<${el.tagName}>`
    const inHead = ancestors.some((a) => a.tagName === 'head')
    const p = el.properties
    for (const key of Object.keys(p)) {
      if (/^on/i.test(key)) problems.push(`${where} has event handler ${key}`)
      if (key === 'style') problems.push(`${where} has a style attribute`)
      if (key === 'srcDoc') problems.push(`${where} has srcdoc`)
    }
    for (const key of URL_PROPERTIES) {
      const value = p[key]
      if (value === undefined || value === null) continue
      const values = Array.isArray(value) ? value.map(String) : [String(value)]
      for (const raw of values) {
        // As browsers read a URL: controls and spaces anywhere in the scheme do not count.
        const url = [...raw].filter((ch) => ch.charCodeAt(0) > 0x20 && (ch.charCodeAt(0) < 0x7f || ch.charCodeAt(0) > 0x9f)).join('').toLowerCase()
        const isDataImage = key === 'src' && el.tagName === 'img' && DATA_IMAGE.test(raw)
        if (/^(?:javascript|vbscript|livescript|data|file|blob|filesystem):/.test(url) && !isDataImage) problems.push(`${where} ${key}=${raw.slice(0, 60)}`)
        if (url.includes('evil.example')) problems.push(`${where} ${key} loads ${raw.slice(0, 60)}`)
      }
    }
    switch (el.tagName) {
      case 'script':
        if (kind === 'fragment' || !inHead || p['type'] !== 'application/ld+json' || ++scripts > 1) problems.push('a <script> element')
        else {
          const text = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('')
          if (text.includes('<')) problems.push('a "<" inside the JSON-LD block')
          try {
            JSON.parse(text)
          } catch {
            problems.push('the JSON-LD block is not JSON')
          }
        }
        break
      case 'style':
        if (kind === 'fragment' || !inHead || ++styles > 1) problems.push('a <style> element from content')
        break
      case 'meta': {
        const equiv = p['httpEquiv']
        const name = typeof p['name'] === 'string' ? p['name'] : undefined
        const property = typeof p['property'] === 'string' ? p['property'] : undefined
        if (kind === 'fragment' || !inHead) problems.push('a <meta> outside the head')
        else if (equiv !== undefined && String(equiv).toLowerCase() !== 'content-security-policy') problems.push(`<meta http-equiv=${String(equiv)}>`)
        else if (name !== undefined && !ALLOWED_META.has(name)) problems.push(`<meta name=${name}>`)
        else if (property !== undefined && !/^og:(?:type|title|description|image)$/.test(property)) problems.push(`<meta property=${property}>`)
        break
      }
      case 'iframe': {
        const src = String(p['src'] ?? '')
        if (!YOUTUBE.test(src) && !VIMEO.test(src)) problems.push(`an iframe to ${src.slice(0, 60) || 'nothing'}`)
        if (!p['sandbox']) problems.push('an iframe without sandbox')
        break
      }
      case 'input':
        if (p['type'] !== 'checkbox' || p['disabled'] !== true) problems.push('an <input> that is not a disabled checkbox')
        break
      case 'base':
      case 'link':
      case 'form':
      case 'button':
      case 'textarea':
      case 'select':
      case 'object':
      case 'embed':
      case 'applet':
      case 'frame':
      case 'frameset':
      case 'svg':
      case 'math':
      case 'template':
      case 'noscript':
      case 'video':
      case 'audio':
      case 'source':
      case 'portal':
        problems.push(`a <${el.tagName}> element`)
        break
    }
  }
  visit(tree, [])
  return problems
}
