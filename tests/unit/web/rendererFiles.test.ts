import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_URL, appProtocolFile, appProtocolPreview, contentSecurityPolicyOf, resolveRendererFile } from '../../../src/main/rendererFiles'
import { PreviewPages } from '../../../src/main/services/pages/previewPages'

let dir: string
let renderer: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verdict-renderer-'))
  renderer = join(dir, 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), '<!doctype html>')
  await writeFile(join(renderer, 'assets', 'index-1a2b.js'), 'export {}')
  await writeFile(join(dir, 'secret.txt'), 'not the app')
  await mkdir(join(dir, 'renderer-evil'))
  await writeFile(join(dir, 'renderer-evil', 'x.js'), 'not the app')
  await symlink(join(dir, 'secret.txt'), join(renderer, 'assets', 'link.js'))
})

afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the renderer’s files (app:// and the browser mode)', () => {
  it('maps the page and its built files', async () => {
    expect(await resolveRendererFile(renderer, '/')).toBe(join(renderer, 'index.html'))
    expect(await resolveRendererFile(renderer, '/index.html')).toBe(join(renderer, 'index.html'))
    expect(await resolveRendererFile(renderer, '/assets/index-1a2b.js')).toBe(join(renderer, 'assets', 'index-1a2b.js'))
    expect(await resolveRendererFile(renderer, '/assets/index%2D1a2b.js')).toBe(join(renderer, 'assets', 'index-1a2b.js'))
  })

  it('names nothing outside out/renderer, however the path is spelled', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/../renderer-evil/x.js',
      '/assets/link.js',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/assets',
      '/.hidden',
      `/${'a'.repeat(5000)}.js`,
      '/missing.js',
    ]) {
      expect(await resolveRendererFile(renderer, path), path).toBeNull()
    }
  })

  it('reads the policy index.html declares, to send it as a header too', () => {
    const html = `<head><meta\n  http-equiv="Content-Security-Policy"\n  content="default-src 'self';\n   script-src 'self'" /></head>`
    expect(contentSecurityPolicyOf(html)).toBe("default-src 'self'; script-src 'self'")
    expect(() => contentSecurityPolicyOf('<head></head>')).toThrow(/no Content-Security-Policy/)
  })
})

describe('the app:// protocol of the desktop window', () => {
  it('serves the renderer’s files with their type and the policy as a header', async () => {
    const served = await appProtocolFile(renderer, APP_URL, "default-src 'self'")
    expect(served).toEqual({ file: join(renderer, 'index.html'), headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'", 'x-content-type-options': 'nosniff' } })
    expect((await appProtocolFile(renderer, 'app://verdict/assets/index-1a2b.js', ''))?.file).toBe(join(renderer, 'assets', 'index-1a2b.js'))
  })

  it('answers nothing for another host, another scheme or a path out of out/renderer', async () => {
    for (const url of ['app://other/index.html', 'file:///etc/passwd', 'app://verdict/../secret.txt', 'app://verdict/%2e%2e/secret.txt', 'app://verdict/assets/link.js', 'app://verdict/..%2fsecret.txt', 'not a url']) {
      expect(await appProtocolFile(renderer, url, ''), url).toBeNull()
    }
  })
})

describe('the preview’s pages', () => {
  it('are kept under unguessable addresses of the app’s origin, the newest four only', () => {
    const previews = new PreviewPages()
    const paths = Array.from({ length: 6 }, (_, i) => previews.put(`<p>page ${i}</p>`))
    expect(new Set(paths).size).toBe(6)
    for (const path of paths) expect(path).toMatch(/^\/__preview\/[0-9a-f-]{36}\.html$/)
    expect(paths.map((path) => previews.get(path))).toEqual([undefined, undefined, '<p>page 2</p>', '<p>page 3</p>', '<p>page 4</p>', '<p>page 5</p>'])
    expect(previews.get('/__preview/')).toBeUndefined()
  })

  it('patch the page the frame shows into the newest when only head elements and body blocks changed, and only then', () => {
    const previews = new PreviewPages()
    const page = (blocks: string[], head = ['<title>T</title>'], header = '<h1>T</h1>') => ({
      shell: ['<head><meta charset="utf-8">', `</head><body>${header}<div class="post-body">`, '</div></body>'] as [string, string, string],
      head,
      blocks,
    })
    const shown = previews.put(page(['<p>a</p>\n', '<p>b</p>\n', '<p>c</p>\n', '<p>d</p>\n']))
    expect(previews.get(shown)).toBe('<head><meta charset="utf-8"><title>T</title></head><body><h1>T</h1><div class="post-body"><p>a</p>\n<p>b</p>\n<p>c</p>\n<p>d</p>\n</div></body>')
    const same = { pieces: 1, start: 1, removed: 0, insert: [] }
    const body = (blocks: string[]) => previews.patch(shown, page(blocks))?.body
    expect(body(['<p>a</p>\n', '<p>B</p>\n', '<p>c</p>\n', '<p>d</p>\n'])).toEqual({ pieces: 4, start: 1, removed: 1, insert: ['<p>B</p>\n'] })
    expect(body(['<p>a</p>\n', '<p>b</p>\n', '<h2>x</h2>\n', '<p>c</p>\n', '<p>d</p>\n'])).toEqual({ pieces: 4, start: 2, removed: 0, insert: ['<h2>x</h2>\n'] })
    expect(body(['<p>b</p>\n', '<p>c</p>\n', '<p>d</p>\n'])).toEqual({ pieces: 4, start: 0, removed: 1, insert: [] })
    expect(body(['<p>a</p>\n', '<p>b</p>\n', '<p>c</p>\n', '<p>d</p>\n', '<p>e</p>\n'])).toEqual({ pieces: 4, start: 4, removed: 0, insert: ['<p>e</p>\n'] })
    // A repeated block: what the common start took is never counted again in the common end.
    expect(body(['<p>a</p>\n', '<p>b</p>\n'])).toEqual({ pieces: 4, start: 2, removed: 2, insert: [] })
    expect(body([])).toEqual({ pieces: 4, start: 0, removed: 4, insert: [] })
    expect(previews.patch(shown, page(['<p>a</p>\n', '<p>b</p>\n', '<p>c</p>\n', '<p>d</p>\n']))).toEqual({ from: shown, head: same, body: { pieces: 4, start: 4, removed: 0, insert: [] } })
    expect(previews.patch(shown, page(['<p>a</p>\n', '<p>b</p>\n', '<p>c</p>\n', '<p>d</p>\n'], ['<title>U</title>']))?.head).toEqual({ pieces: 1, start: 0, removed: 1, insert: ['<title>U</title>'] })
    // Another fixed part (the header, the policy…), a page kept whole, or one forgotten: no patch.
    expect(previews.patch(shown, page(['<p>a</p>\n'], ['<title>T</title>'], '<h1>U</h1>'))).toBeUndefined()
    expect(previews.patch(previews.put('<p>a whole page</p>'), page(['<p>a</p>\n']))).toBeUndefined()
    for (let i = 0; i < 4; i++) previews.put('<p>another</p>')
    expect(previews.patch(shown, page(['<p>a</p>\n']))).toBeUndefined()
  })

  it('are answered on app:// by path, from memory, and for nothing else', () => {
    const previews = new PreviewPages()
    const path = previews.put('<p>the post</p>')
    const page = (pathname: string) => previews.get(pathname)
    expect(appProtocolPreview(page, `app://verdict${path}`)).toBe('<p>the post</p>')
    expect(appProtocolPreview(page, `app://verdict${path}?x=1#top`)).toBe('<p>the post</p>')
    for (const url of [`app://other${path}`, `file://${path}`, 'app://verdict/__preview/nope.html', `app://verdict/assets${path}`, APP_URL, 'not a url']) {
      expect(appProtocolPreview(page, url), url).toBeUndefined()
    }
  })
})
