import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * The app allows no inline style (see index.html), but Vite's dev server injects the CSS as
 * `<style>` elements: only the dev server's page allows them; the built app has none.
 */
const devInlineStyles: Plugin = {
  name: 'verdict-dev-inline-styles',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"),
}

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // Sandboxed preloads cannot be ES modules.
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    resolve: {
      alias: { ...shared, '@renderer': resolve(import.meta.dirname, 'src/renderer/src') },
    },
    plugins: [react(), devInlineStyles],
  },
})
