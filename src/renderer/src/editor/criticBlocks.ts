/**
 * The critic blocks in the editor: each block folder's `editor/block.ts` gives its model, Lexical
 * nodes, plugin, Insert menu entry and node transforms. Registered by one line in `./blockRegistry.ts`;
 * the editor's nodes (nodes/index.ts), the Insert and slash menus (plugins/insertables.ts), the
 * transforms (transforms.ts) and the plugins it renders (plugins/CriticBlocksPlugin.tsx) come from here.
 */
import type { ComponentType } from 'react'
import type { Klass, LexicalEditor, LexicalNode } from 'lexical'
import type { CriticBlockModel, CriticBlockType } from '@shared/document'
import * as registered from './blockRegistry'

/** What the Insert menu and the slash menu show of a block, and what choosing it (or its shortcut) does. */
export interface InsertEntry {
  label: string
  description: string
  /** Words the slash menu matches besides the label ("/rating" finds the score). */
  keywords: string[]
  run: (editor: LexicalEditor) => void
  /** It opens something of its own (a dialog, the file picker), so the menu names it with `…` and leaves focus there. */
  opensDialog: boolean
}

export interface EditorBlock<T extends CriticBlockType = CriticBlockType> {
  model: CriticBlockModel<T>
  /** Its Lexical nodes, the first being the one of its JSON type. */
  nodes: ReadonlyArray<Klass<LexicalNode>>
  /** Rendered in the editor: its commands, and what it shows outside the text (dialogs, pickers). */
  Plugin: ComponentType
  /** Its entry in the Insert menu and the slash menu; Mod+Shift+`model.insert.key` runs it too. */
  insert: InsertEntry
  /** Registers its node transforms as the editor is created (where it may stand; see transforms.ts). */
  registerTransforms?: (editor: LexicalEditor) => void
}

/** Every critic block type, each under its own name: a type missing from blockRegistry.ts is a type error here. */
export const EDITOR_BLOCKS: { readonly [K in CriticBlockType]: EditorBlock<K> } = registered

/** The blocks in the order of the Insert menu (their models' `insert.order`). */
export const CRITIC_EDITOR_BLOCKS: readonly EditorBlock[] = Object.values<EditorBlock>(EDITOR_BLOCKS).sort(
  (a, b) => a.model.insert.order - b.model.insert.order,
)
