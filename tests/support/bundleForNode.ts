/** esbuild bundles of TypeScript entry points for Node, for tests that start them many times. */
import { symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(import.meta.dirname, '../..')

/**
 * Bundles `entryPoints` (name → source file) into `dir` as ES modules, `<dir>/<name>.mjs` each:
 * started through tsx, each start loaded tsx and compiled the TypeScript again. `import()`s stay
 * lazy (code splitting); packages stay imports, found through a node_modules link in `dir`.
 */
export async function bundleForNode(entryPoints: Record<string, string>, dir: string): Promise<void> {
  await build({
    entryPoints,
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
  })
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'junction').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error // bundled into `dir` before
  })
}
