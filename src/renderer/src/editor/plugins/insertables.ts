import type { CriticBlockType } from '@shared/document'
import { CRITIC_EDITOR_BLOCKS, type InsertEntry } from '../criticBlocks'

export interface Insertable extends InsertEntry {
  id: CriticBlockType
  /** The key of its Mod+Shift shortcut. */
  shortcut: string
}

/** The critic blocks, in the order the Insert menu and the slash menu list them. */
export const INSERTABLES: readonly Insertable[] = CRITIC_EDITOR_BLOCKS.map((block) => ({ ...block.insert, id: block.model.type, shortcut: block.model.insert.key }))

/** The insertables matching what follows the slash, best first. */
export function matchInsertables(query: string): Insertable[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return [...INSERTABLES]
  return INSERTABLES.filter((item) => item.label.toLowerCase().startsWith(needle) || item.keywords.some((word) => word.startsWith(needle)))
}
