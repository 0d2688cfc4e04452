/**
 * Two machines, one library: a Syncthing pair (syncthing.ts) and, on each side, the real
 * main-process services with their own app data (settings), on that side's copy of the library.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServices, shutdownServices, type ContainerOptions, type Services } from '../../src/main/container'
import { createConfBackend } from '../../src/main/services/settings/conf'
import type { ParagraphJSON } from '../../src/shared/document'
import { headlessPlatform } from '../support/platform'
import { startSyncPair, type Peer, type SyncPair } from './syncthing'

export interface Machine {
  peer: Peer
  services: Services
  /** This machine's app data (settings), never synced. */
  appData: string
  logs: string[]
  /** Appends a paragraph to a review and saves it through the real save path, as the editor does. */
  append(id: string, text: string): Promise<void>
  /** The review's paragraphs' text, as this machine opens it. */
  paragraphs(id: string): Promise<string[]>
}

export interface Machines {
  a: Machine
  b: Machine
  sync: SyncPair
  close(): Promise<void>
}

/** `publish`: each machine's publishing timings, which may wait on the pair (e.g. for the sync to carry a claim). */
export async function startMachines(options: { publish?: (sync: SyncPair) => ContainerOptions['publish'] } = {}): Promise<Machines> {
  const sync = await startSyncPair()
  const appDataBase = await mkdtemp(join(tmpdir(), 'verdict-sync-app-'))
  const built: Machine[] = []
  const close = async () => {
    await Promise.all(built.map((machine) => shutdownServices(machine.services)))
    await sync.stop()
    await rm(appDataBase, { recursive: true, force: true })
  }
  try {
    for (const peer of [sync.a, sync.b]) built.push(await machine(peer, join(appDataBase, peer.name), options.publish?.(sync)))
  } catch (error) {
    await close()
    throw error
  }
  const [a, b] = built as [Machine, Machine]
  return { a, b, sync, close }
}

async function machine(peer: Peer, appData: string, publish: ContainerOptions['publish']): Promise<Machine> {
  const logs: string[] = []
  const services = await createServices({
    platform: headlessPlatform(peer.dir),
    settingsBackend: createConfBackend(appData),
    dataDir: appData,
    env: { VERDICT_LIBRARY: peer.dir },
    publish: { outboxCheckMs: 0, ...publish },
    log: (message, detail) => void logs.push(detail === undefined ? message : `${message} ${detail instanceof Error ? detail.message : String(detail)}`),
  })
  const library = () => services.libraries.current()
  return {
    peer,
    services,
    appData,
    logs,
    async append(id, text) {
      const opened = await library().open(id)
      if (opened.kind !== 'editable') throw new Error(`${peer.name} opened ${id} read-only: ${opened.reason}`)
      const paragraph = { type: 'paragraph', children: [{ type: 'text', text, format: 0 }] } as ParagraphJSON
      await services.writes.save({ id, meta: opened.meta, doc: { root: { ...opened.doc.root, children: [...opened.doc.root.children, paragraph] } }, baseHash: opened.hash })
    },
    async paragraphs(id) {
      const opened = await library().open(id)
      if (opened.kind !== 'editable') throw new Error(`${peer.name} opened ${id} read-only: ${opened.reason}`)
      return opened.doc.root.children.flatMap((node) => (node.type === 'paragraph' ? [node.children.map((child) => ('text' in child ? child.text : '')).join('')] : []))
    },
  }
}
