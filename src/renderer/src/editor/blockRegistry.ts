/**
 * Every critic block as the editor sees it, one line per block folder (docs/extending.md), named by
 * its type. `./criticBlocks.ts` holds this list to `Record<CriticBlockType, EditorBlock>`, so tsc
 * names a block left out here.
 */
export { embedEditor as embed } from '../../../blocks/embed/editor/block'
export { imageEditor as image } from '../../../blocks/image/editor/block'
export { pullquoteEditor as pullquote } from '../../../blocks/pullquote/editor/block'
export { scoreEditor as score } from '../../../blocks/score/editor/block'
export { spoilerEditor as spoiler } from '../../../blocks/spoiler/editor/block'
