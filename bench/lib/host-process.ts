/**
 * The test host in a process of its own, as main is in the app: the services' work (parsing,
 * saving, rendering previews) then competes with the renderer for the cores as it would, but never
 * blocks the harness that drives the keyboard. Started by `spawnHost`; prints its URL, and closes
 * when its standard input does.
 *
 *   node --import tsx bench/lib/host-process.ts <host.ts> <libraryDir> <settingsDir>
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import type { startHost as hostStarter } from '../../tests/e2e/host'

export interface HostProcess {
  url: string
  close(): Promise<void>
}

export async function spawnHost(hostModule: string, libraryDir: string, settingsDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, hostModule, libraryDir, settingsDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`the host process exited (${code}) before it was ready`)))
  })
  return {
    url,
    close: async () => {
      child.stdin!.end()
      await exited
    },
  }
}

if (process.argv[1] === import.meta.filename) {
  const [hostModule, libraryDir, settingsDir] = process.argv.slice(2) as [string, string, string]
  const { startHost } = (await import(pathToFileURL(hostModule).href)) as { startHost: typeof hostStarter }
  const host = await startHost({ libraryDir, settingsDir, log: (line) => console.error(`[host] ${line}`) })
  // The first-run welcome would cover the editor: the bench's critic answered it long ago. An app
  // from before the welcome (an earlier --commit) refuses the setting, and shows none.
  try {
    host.services.settings.update({ welcomed: true })
  } catch {
    // no welcome to skip
  }
  console.log(host.url)
  process.stdin.resume()
  process.stdin.once('end', () => void host.close().then(() => process.exit(0)))
}
