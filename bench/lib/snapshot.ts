/**
 * The app under test, built on its own: a copy of the committed tree (or, with --worktree, of the
 * working tree) in bench/.tmp/app with its own `out/`. Other engineers' half-finished edits then
 * cannot break the run, and a concurrent `electron-vite build` of theirs cannot swap `out/renderer`
 * under a measurement. The test host of that copy serves its renderer and runs its services.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'

/** The whole tree (about a megabyte): configs refer to one another, so nothing is picked out. */
const PATHS = ['.']

export interface Snapshot {
  /** Root of the copy (holds src/, tests/e2e/host.ts, out/). */
  dir: string
  commit: string
  /** True when built from the working tree rather than the commit. */
  worktree: boolean
  /** Uncommitted changes in the tree at the time of the run (not part of a HEAD snapshot). */
  uncommitted: number
}

const git = (root: string, ...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()

export async function prepareSnapshot(
  root: string,
  tmp: string,
  /** sourcesOnly: the run's parts only import the services (Node alone), so the copy is not built. */
  options: { worktree: boolean; commit?: string; build: boolean; sourcesOnly?: boolean; log: (line: string) => void },
): Promise<Snapshot> {
  const dir = join(tmp, 'app')
  const commit = git(root, 'rev-parse', '--verify', `${options.commit ?? 'HEAD'}^{commit}`)
  const uncommitted = git(root, 'status', '--porcelain').split('\n').filter(Boolean).length
  const snapshot: Snapshot = { dir, commit, worktree: options.worktree, uncommitted }
  const stampFile = join(dir, '.bench-stamp')
  const stamp = options.worktree ? 'worktree' : commit
  const previous = await readFile(stampFile, 'utf8').catch(() => '')
  // The stamp is written once the copy is made; a run that uses the browser also needs its build.
  const built = options.sourcesOnly ? previous !== '' : existsSync(join(dir, 'out/renderer/index.html')) && existsSync(join(dir, 'out/renderer-profile/index.html'))
  if (built && (!options.build || (previous === stamp && !options.worktree))) {
    options.log(`app: reusing the build of ${previous === 'worktree' ? 'the working tree' : previous.slice(0, 10)}`)
    if (previous !== stamp) options.log(`app: note: that build is not of ${stamp.slice(0, 10)} (run without --no-build to rebuild)`)
    return { ...snapshot, worktree: previous === 'worktree', commit: previous === 'worktree' ? commit : previous }
  }
  if (!options.build) throw new Error('--no-build: there is no previous build of the app in bench/.tmp/app')

  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  if (options.worktree) {
    const files = git(root, 'ls-files', '-z', '-c', '-o', '--exclude-standard', '--', ...PATHS).split('\0').filter(Boolean)
    for (const file of files) {
      if (!existsSync(join(root, file))) continue // deleted in the tree
      await mkdir(dirname(join(dir, file)), { recursive: true })
      await cp(join(root, file), join(dir, file))
    }
    options.log(`app: copied ${files.length} files of the working tree`)
  } else {
    execFileSync('sh', ['-c', 'c="$1"; d="$2"; shift 2; git archive --format=tar "$c" -- "$@" | tar -x -C "$d"', 'sh', commit, dir, ...PATHS], { cwd: root })
    options.log(`app: snapshot of ${commit.slice(0, 10)}${uncommitted ? ` (the ${uncommitted} uncommitted changes in the tree are not part of it)` : ''}`)
  }
  await symlink(relative(dir, join(root, 'node_modules')), join(dir, 'node_modules'), 'dir')
  await writeFile(stampFile, stamp)
  if (options.sourcesOnly) return snapshot

  // The app's own build, with source maps so profiles can name code.
  const started = Date.now()
  try {
    execFileSync('npx', ['electron-vite', 'build', '--sourcemap', '--logLevel', 'error'], { cwd: dir, stdio: 'pipe', encoding: 'utf8' })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`electron-vite build of the app failed:\n${stdout}${stderr}`)
  }
  options.log(`app: electron-vite build in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  await buildProfileRenderer(dir)
  options.log(`app: profiling build done`)
  return snapshot
}

/**
 * The renderer once more, for CPU profiles only: Lexical compiled from the TypeScript sources it
 * ships (the `source` export condition, `__DEV__` false, so the same code paths as its prod build)
 * instead of its pre-minified bundle, so the source map names Lexical's functions. Unminified, as
 * electron-vite builds the renderer. Measurements never use this build.
 */
async function buildProfileRenderer(dir: string): Promise<void> {
  const { build, defaultClientConditions } = await import('vite')
  const { default: react } = await import('@vitejs/plugin-react')
  await build({
    configFile: false,
    root: join(dir, 'src/renderer'),
    base: './',
    logLevel: 'error',
    mode: 'production',
    plugins: [react()],
    resolve: {
      alias: { '@shared': join(dir, 'src/shared'), '@renderer': join(dir, 'src/renderer/src') },
      conditions: ['source', ...defaultClientConditions],
    },
    define: { __DEV__: 'false' },
    build: { outDir: join(dir, 'out/renderer-profile'), emptyOutDir: true, sourcemap: true, minify: false, reportCompressedSize: false },
  })
}

/**
 * Serves the profiling build while `work` runs: the host reads `out/renderer` from disk per
 * request, so swapping the folders is enough.
 */
export async function withProfileRenderer<T>(snapshot: Snapshot, work: () => Promise<T>): Promise<T> {
  const out = join(snapshot.dir, 'out')
  await rename(join(out, 'renderer'), join(out, 'renderer-measure'))
  await rename(join(out, 'renderer-profile'), join(out, 'renderer'))
  try {
    return await work()
  } finally {
    await rename(join(out, 'renderer'), join(out, 'renderer-profile'))
    await rename(join(out, 'renderer-measure'), join(out, 'renderer'))
  }
}
