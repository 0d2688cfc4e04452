import type { LexicalEditor } from 'lexical'
import type { CriticBlockType } from '@shared/document'
import { EMBED_SHORTCUT, OPEN_EMBED_DIALOG_COMMAND } from './EmbedPlugin'
import { IMAGE_SHORTCUT, OPEN_IMAGE_PICKER_COMMAND } from './ImagePlugin'
import { INSERT_PULLQUOTE_COMMAND, PULLQUOTE_SHORTCUT } from '../../../../blocks/pullquote/editor/PullQuotePlugin'
import { INSERT_SCORE_COMMAND, SCORE_SHORTCUT } from './ScorePlugin'
import { INSERT_SPOILER_COMMAND, SPOILER_SHORTCUT } from './SpoilerPlugin'

export interface Insertable {
  id: CriticBlockType
  label: string
  description: string
  /** Words the slash menu matches besides the label ("/rating" finds the score). */
  keywords: string[]
  /** The letter of its Mod+Shift shortcut. */
  shortcut: string
  run: (editor: LexicalEditor) => void
  /** It opens something of its own (a dialog, the file picker), so the menu names it with `…` and leaves focus there. */
  opensDialog: boolean
}

/** The critic blocks, in the order the Insert menu and the slash menu list them. */
const INSERTABLE_BLOCKS: { readonly [K in CriticBlockType]: Insertable & { id: K } } = {
  score: {
    id: 'score',
    label: 'Score',
    description: 'Rating with verdict, sub-scores, pros and cons',
    keywords: ['score', 'rating', 'grade', 'stars', 'verdict'],
    shortcut: SCORE_SHORTCUT,
    run: (editor) => editor.dispatchCommand(INSERT_SCORE_COMMAND, undefined),
    opensDialog: false,
  },
  image: {
    id: 'image',
    label: 'Image',
    description: 'A picture with caption and credit',
    keywords: ['image', 'picture', 'photo', 'figure', 'still', 'screenshot'],
    shortcut: IMAGE_SHORTCUT,
    run: (editor) => editor.dispatchCommand(OPEN_IMAGE_PICKER_COMMAND, undefined),
    opensDialog: true,
  },
  spoiler: {
    id: 'spoiler',
    label: 'Spoiler',
    description: 'Hidden until the reader reveals it',
    keywords: ['spoiler', 'hide', 'hidden', 'reveal'],
    shortcut: SPOILER_SHORTCUT,
    run: (editor) => editor.dispatchCommand(INSERT_SPOILER_COMMAND, undefined),
    opensDialog: false,
  },
  pullquote: {
    id: 'pullquote',
    label: 'Pull quote',
    description: 'A line set large in the page',
    keywords: ['pull quote', 'pullquote', 'quote', 'highlight'],
    shortcut: PULLQUOTE_SHORTCUT,
    run: (editor) => editor.dispatchCommand(INSERT_PULLQUOTE_COMMAND, undefined),
    opensDialog: false,
  },
  embed: {
    id: 'embed',
    label: 'Trailer',
    description: 'A YouTube or Vimeo video',
    keywords: ['trailer', 'video', 'embed', 'youtube', 'vimeo', 'clip'],
    shortcut: EMBED_SHORTCUT,
    run: (editor) => editor.dispatchCommand(OPEN_EMBED_DIALOG_COMMAND, undefined),
    opensDialog: true,
  },
}

export const INSERTABLES: readonly Insertable[] = Object.values(INSERTABLE_BLOCKS)

/** The insertables matching what follows the slash, best first. */
export function matchInsertables(query: string): Insertable[] {
  const needle = query.trim().toLowerCase()
  if (!needle) return [...INSERTABLES]
  return INSERTABLES.filter((item) => item.label.toLowerCase().startsWith(needle) || item.keywords.some((word) => word.startsWith(needle)))
}
