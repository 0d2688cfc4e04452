// `npm start`: build and launch the desktop app. Where no Electron binary can be had (machines
// without internet cannot download it), serve the same renderer and services in the browser instead.
import { spawn, spawnSync } from 'node:child_process'
import { findElectron } from './electron-binary.mjs'

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const electron = findElectron()
const child =
  'path' in electron
    ? spawn(electron.path, ['.'], { stdio: 'inherit' })
    : (console.log(`Verdict desktop cannot start here: ${electron.missing}\nServing the app to your browser instead.`),
      spawn('npx', ['tsx', 'scripts/web.ts'], { stdio: 'inherit' }))
child.on('exit', (code) => process.exit(code ?? 0))
