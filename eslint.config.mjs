// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** Layer rules: the folder says where code runs (see README, "Architecture"). */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'url', 'stream']
const restrict = (...patterns) => ['error', { patterns: patterns.map((p) => ({ group: p.group, message: p.message })) }]

/** Code running in the renderer's sandboxed page: browser globals, React hooks, no electron, node or main. */
const rendererLayer = (files, mainImports) => ({
  files,
  languageOptions: { globals: { ...globals.browser } },
  plugins: { 'react-hooks': reactHooks },
  rules: {
    ...reactHooks.configs.recommended.rules,
    'no-restricted-imports': restrict(
      { group: ['electron', ...nodeBuiltins], message: 'the renderer is a sandboxed web page: no electron or node modules.' },
      { group: mainImports, message: 'the renderer reaches main only through src/renderer/src/api.ts.' },
    ),
  },
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron', ...nodeBuiltins], message: 'shared runs anywhere: no electron or node modules.' },
        { group: ['react', 'react-dom', 'lexical', '@lexical/*'], message: 'shared holds plain types and logic, no UI libraries.' },
        { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'shared imports nothing app-internal.' },
      ),
    },
  },
  // One folder per critic block (docs/extending.md): each file runs where its name says.
  {
    files: ['src/blocks/*/model.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron', ...nodeBuiltins, 'react', 'react-dom', 'lexical', '@lexical/*'], message: "a block's model is shared: plain types and logic." },
        { group: ['**/main/**', '**/renderer/**', '**/preload/**', './markdown', './html', './main', './editor/**'], message: "a block's model imports only shared code." },
      ),
    },
  },
  {
    files: ['src/blocks/*/markdown.ts', 'src/blocks/*/html.ts', 'src/blocks/*/html.*.ts', 'src/blocks/*/main.ts'],
    rules: {
      'no-restricted-imports': restrict({ group: ['**/renderer/**', '**/preload/**', './editor/**'], message: "a block's Markdown, HTML and main entry run in main: no renderer code." }),
    },
  },
  rendererLayer(['src/blocks/*/editor/**'], ['**/main/**', '**/preload/**', '../markdown', '../html', '../main']),
  {
    files: ['src/blocks/**'],
    ignores: ['src/blocks/*/model.ts', 'src/blocks/*/markdown.ts', 'src/blocks/*/html.ts', 'src/blocks/*/html.*.ts', 'src/blocks/*/main.ts', 'src/blocks/*/editor/**'],
    rules: { 'no-restricted-syntax': ['error', { selector: 'Program', message: 'a block file is model.ts, markdown.ts, html.ts (html.<blog>.ts for a blog\'s markup), main.ts or under editor/.' }] },
  },
  {
    files: ['src/main/**'],
    rules: {
      'no-restricted-imports': restrict({ group: ['**/renderer/**', '**/preload/**'], message: 'main never imports renderer or preload code.' }),
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/ipc.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Only src/main/ipc.ts touches ipcMain.' }],
    },
  },
  {
    files: ['src/web/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['electron'], message: 'the browser mode runs under plain Node: no electron.' },
        { group: ['**/renderer/**', '**/preload/**'], message: 'the browser mode serves the built renderer; it never imports it.' },
      ),
    },
  },
  {
    // The bridge and picker the browser mode injects into the page: plain scripts, no imports.
    files: ['src/web/static/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict(
        { group: ['**/main/**', '**/renderer/**'], message: 'preload imports only shared types and electron.' },
        { group: ['react', 'lexical', '@lexical/*', 'zod', 'yaml', 'unified'], message: 'preload stays tiny: no npm packages.' },
      ),
    },
  },
  rendererLayer(['src/renderer/**'], ['**/main/**', '**/preload/**', '!**/preload/*.d.ts']),
)
