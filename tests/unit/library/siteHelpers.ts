/**
 * The small Hugo and Jekyll sites of ./sites (written in their real layouts), each copied to a
 * temporary folder, committed to git and opened as a library through the real library service.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BlockJSON, EditorDocument } from '../../../src/shared/document'
import { createServices, shutdownServices, type ContainerOptions, type Services } from '../../../src/main/container'
import { Library } from '../../../src/main/services/library/library'
import { createConfBackend } from '../../../src/main/services/settings/conf'
import { git } from '../../support/git'
import { stateDirOf } from '../../support/machineState'
import { headlessPlatform } from '../../support/platform'

const SITES = join(import.meta.dirname, 'sites')
const opened: Library[] = []
const running: Services[] = []
const roots: string[] = []

/** A fresh temporary folder; closeSites() removes it. */
export async function tempFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  roots.push(dir)
  return dir
}

/** The site copied into a fresh git repository, committed as the critic keeps it. */
async function siteInGit(name: 'hugo' | 'jekyll'): Promise<string> {
  const root = await tempFolder(`verdict-site-${name}-`)
  await cp(join(SITES, name), root, { recursive: true })
  await git(root, 'init', '-q')
  await git(root, 'add', '-A')
  await git(root, 'commit', '-q', '-m', 'The site as the critic keeps it')
  return root
}

/** The site in a fresh git repository, opened as a library; closeSites() removes it. */
export async function openSite(name: 'hugo' | 'jekyll'): Promise<{ root: string; library: Library }> {
  const root = await siteInGit(name)
  return { root, library: openLibrary(root) }
}

/** The site in a fresh git repository, opened as the library of the app's real services; closeSites() shuts them. */
export async function siteServices(name: 'hugo' | 'jekyll', publish?: ContainerOptions['publish']): Promise<{ root: string; services: Services }> {
  const root = await siteInGit(name)
  const settings = await tempFolder('verdict-site-settings-')
  const services = await createServices({
    platform: headlessPlatform(root),
    settingsBackend: createConfBackend(settings),
    dataDir: settings,
    env: { VERDICT_LIBRARY: root },
    ...(publish ? { publish } : {}),
    log: () => undefined,
  })
  running.push(services)
  return { root, services }
}

/** Another library on a site's folder (as after a restart); closeSites() closes it. */
export function openLibrary(root: string): Library {
  const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'Ana Critic', now: () => new Date('2026-11-25T10:00:00Z') })
  opened.push(library)
  return library
}

/** What git sees changed, untracked files one by one. */
export async function changes(root: string, library: Library): Promise<string[]> {
  await library.flushIndex()
  await library.flushSearch()
  return (await git(root, 'status', '--porcelain', '--untracked-files=all')).split('\n').filter(Boolean).sort()
}

/** Closes the sites opened since the last call and removes their folders (after each test). */
export async function closeSites(): Promise<void> {
  for (const library of opened.splice(0)) library.close()
  for (const services of running.splice(0)) await shutdownServices(services)
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true })
}

/** The document with a word added to the end of its last paragraph. */
export function withWordAtEnd(doc: EditorDocument, word: string): EditorDocument {
  const children = [...doc.root.children]
  const index = children.findLastIndex((block) => block.type === 'paragraph')
  const last = children[index]
  if (last?.type !== 'paragraph') throw new Error('the review has no paragraph')
  const edited: BlockJSON = { ...last, children: [...last.children, { type: 'text', text: ` ${word}`, format: 0 }] }
  children[index] = edited
  return { root: { ...doc.root, children } }
}
