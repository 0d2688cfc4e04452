/**
 * Verdict in a browser (src/web), for machines without an Electron binary. Uses the same library
 * as the desktop app (VERDICT_LIBRARY, else Documents/Verdict).
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { startWebApp } from '../src/web/app'

const libraryDir = process.env['VERDICT_LIBRARY'] ?? join(homedir(), 'Documents', 'Verdict')
const app = await startWebApp({
  libraryDir,
  settingsDir: join(homedir(), '.config', 'verdict-web'),
  port: Number(process.env['PORT'] ?? 5780),
  log: (line) => console.error(`[verdict] ${line}`),
})
console.log(`Verdict is running at ${app.url}\n(library: ${libraryDir}). Only this address opens it: it carries this start's key. Press Ctrl+C to stop.`)
process.on('SIGINT', () => void app.close().then(() => process.exit(0)))
