/**
 * Child process of the two-process outbox test: the app's services on a library another process
 * uses too. Prints `ready` once started, waits for the `go` file (so both processes send at once),
 * sends the outbox like the app's timer does, prints `posted <n>` (the posts it sent) and exits.
 *
 * argv: <library folder> <settings folder> <go file> <repository> <reader worker bundle> <search worker bundle>
 * The test runs it bundled: it names the repository (for resources/) and the run's bundles of main's
 * worker threads (their TypeScript source would need tsx), as the app's Electron entry does.
 */
import { existsSync } from 'node:fs'
import { createServices, shutdownServices } from '../../../src/main/container'
import { useWorkerBundles } from '../../../src/main/services/workers'
import { createConfBackend } from '../../../src/main/services/settings/conf'
import { headlessPlatform } from '../../support/platform'

const [libraryDir, settingsDir, goFile, appDir, readerBundle, searchBundle] = process.argv.slice(2) as [string, string, string, string, string, string]
useWorkerBundles({ reader: readerBundle, search: searchBundle })

const services = await createServices({
  platform: headlessPlatform(libraryDir, appDir),
  settingsBackend: createConfBackend(settingsDir),
  dataDir: settingsDir,
  env: { VERDICT_LIBRARY: libraryDir },
  publish: { outboxCheckMs: 0 },
  log: (message, detail) => process.stderr.write(`${message} ${detail instanceof Error ? detail.message : (detail ?? '')}\n`),
})
let posted = 0
services.events.subscribe((event) => {
  if (event.type === 'publish-progress' && event.entry.step === 'post' && event.entry.state === 'done') posted++
})
process.stdout.write('ready\n')
while (!existsSync(goFile)) await new Promise((wake) => setTimeout(wake, 5))
await services.publish.flushOutbox()
process.stdout.write(`posted ${posted}\n`)
await shutdownServices(services)
