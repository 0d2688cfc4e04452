/** Shared pieces of the fault tests: a large review, a services container, a tree snapshot, a bundled child script. */
import { createHash } from 'node:crypto'
import { lstat, mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import type { EditorDocument } from '../../src/shared/document'
import type { ReviewMeta } from '../../src/shared/model'
import { createServices } from '../../src/main/container'
import { createHandlers } from '../../src/main/routes'
import { createConfBackend } from '../../src/main/services/settings/conf'
import { TEMP_PREFIX } from '../../src/main/services/fs/atomicWrite'
import { VerdictError } from '../../src/shared/contract'
import { bundleForNode } from '../support/bundleForNode'

export const RESOURCES = join(import.meta.dirname, '../../resources')

/** Replaced by the fault tests with a different sentence for every save. */
export const MARK = 'AUTOSAVEMARK'

const WORDS = ['film', 'tension', 'score', 'camera', 'actor', 'scene', 'light', 'silence', 'cut', 'frame', 'Über', 'déjà', '—', 'naïve']

/** A review of about `words` words in paragraphs of fifty, the first one holding MARK. */
export function largeDocument(words = 50_000): EditorDocument {
  const children: EditorDocument['root']['children'] = [{ type: 'paragraph', children: [{ type: 'text', text: MARK, format: 0 }] }]
  for (let p = 0; p * 50 < words; p++) {
    const text = Array.from({ length: 50 }, (_, i) => WORDS[(p * 7 + i * 3) % WORDS.length]).join(' ')
    children.push({ type: 'paragraph', children: [{ type: 'text', text: `${text}.`, format: p % 5 === 0 ? 1 : 0 }] })
  }
  return { root: { type: 'root', children } }
}

export function reviewMetaOf(title: string): ReviewMeta {
  return {
    title,
    author: 'Ana Critic',
    date: '2026-11-25',
    tags: ['fault'],
    excerpt: '',
    status: 'draft',
    created: '2026-11-25T10:00:00.000Z',
    updated: '2026-11-25T10:00:00.000Z',
    extra: {},
  }
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The container as the app builds it, on a library inside `parent`, with a log to read. */
export async function services(parent?: string) {
  const dir = parent ?? (await mkdtemp(join(tmpdir(), 'verdict-faults-')))
  const library = join(dir, 'library')
  const built = await createServices({
    platform: {
      documentsDir: dir,
      resourcesDir: RESOURCES,
      blocksDir: join(RESOURCES, '..', 'src', 'blocks'),
      appDir: join(RESOURCES, '..'),
      pickFolder: async () => null,
      pickFile: async () => null,
      openPath: async () => {},
      openExternal: async () => {},
      assetUrl: (id: string, path: string) => `/__asset/${id}/${path}`,
      printer: {
        print: async () => {
          throw new VerdictError('INTERNAL', 'no printing in the fault tests')
        },
      },
    },
    settingsBackend: createConfBackend(join(dir, 'settings')),
    dataDir: join(dir, 'settings'),
    env: { VERDICT_LIBRARY: library },
  })
  const logged: string[] = []
  const log = { error: (message: string) => void logged.push(message) }
  return { dir, library, services: built, handlers: createHandlers(built), log, logged }
}

/** Every file and folder under `dir`: path → kind, size and content hash (links are not followed). */
export async function snapshotTree(dir: string, skip: (rel: string) => boolean = () => false): Promise<Map<string, string>> {
  const tree = new Map<string, string>()
  async function walk(path: string): Promise<void> {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      const rel = relative(dir, full)
      if (skip(rel)) continue
      if (entry.isDirectory()) {
        tree.set(rel, 'dir')
        await walk(full)
      } else if (entry.isFile()) {
        tree.set(rel, `file ${(await lstat(full)).size} ${sha256(await readFile(full))}`)
      } else tree.set(rel, 'other')
    }
  }
  await walk(dir)
  return tree
}

/** Temp files of interrupted atomic writes anywhere under `dir`. */
export async function tempFiles(dir: string): Promise<string[]> {
  const tree = await snapshotTree(dir)
  return [...tree.keys()].filter((rel) => rel.split(/[\\/]/).pop()!.startsWith(TEMP_PREFIX))
}

/**
 * Child scripts (child/<name>.ts) bundled into `dir` in one go, for tests that start them: through
 * `--import tsx` each start compiled its TypeScript again, about 0.4 s of CPU, 4 s for one that loads
 * the format service or the app's services. A child that starts main's worker threads must be handed
 * the run's worker bundles (their TypeScript would need tsx): see child/outboxSender.ts.
 */
export async function bundledChildren<Name extends string>(dir: string, ...names: Name[]): Promise<Record<Name, string>> {
  await bundleForNode(Object.fromEntries(names.map((name) => [name, join(import.meta.dirname, 'child', `${name}.ts`)])), join(dir, 'child'))
  return Object.fromEntries(names.map((name) => [name, join(dir, 'child', `${name}.mjs`)])) as Record<Name, string>
}
