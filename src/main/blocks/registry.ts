/**
 * Every critic block as main sees it, one line per block folder (docs/extending.md), named by its
 * type. `./index.ts` holds this list to `Record<CriticBlockType, MainBlock>`, so tsc names a block
 * left out here.
 */
export { embedMain as embed } from '../../blocks/embed/main'
export { imageMain as image } from '../../blocks/image/main'
export { pullquoteMain as pullquote } from '../../blocks/pullquote/main'
export { scoreMain as score } from '../../blocks/score/main'
export { spoilerMain as spoiler } from '../../blocks/spoiler/main'
