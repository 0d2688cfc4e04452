/**
 * The small Hugo and Jekyll sites of ./sites (written in their real layouts), each copied to a
 * temporary folder, committed to git and opened as a library through the real library service.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../../src/main/services/library/library'
import { git } from '../../support/git'
import { stateDirOf } from '../../support/machineState'

const SITES = join(import.meta.dirname, 'sites')
const opened: Library[] = []
const roots: string[] = []

/** The site in a fresh git repository, opened as a library; closeSites() removes it. */
export async function openSite(name: 'hugo' | 'jekyll'): Promise<{ root: string; library: Library }> {
  const root = await mkdtemp(join(tmpdir(), `verdict-site-${name}-`))
  roots.push(root)
  await cp(join(SITES, name), root, { recursive: true })
  await git(root, 'init', '-q')
  await git(root, 'add', '-A')
  await git(root, 'commit', '-q', '-m', 'The site as the critic keeps it')
  return { root, library: openLibrary(root) }
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
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true })
}
