/**
 * Verdict in a browser: the real services behind the loopback host, for machines without an
 * Electron binary. Uses the same library as the desktop app (VERDICT_LIBRARY, else Documents/Verdict).
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { startHost } from '../tests/e2e/host'

const libraryDir = process.env['VERDICT_LIBRARY'] ?? join(homedir(), 'Documents', 'Verdict')
const host = await startHost({
  libraryDir,
  settingsDir: join(homedir(), '.config', 'verdict-web'),
  port: Number(process.env['PORT'] ?? 5780),
  log: (line) => console.error(`[verdict] ${line}`),
})
console.log(`Verdict is running at ${host.url} (library: ${libraryDir}). Press Ctrl+C to stop.`)
process.on('SIGINT', () => void host.close().then(() => process.exit(0)))
