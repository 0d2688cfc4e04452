/** The score on Ghost: an HTML card, shown as Verdict writes it, inline styles and all. */
import { sideBoxed, type ToBlogMarkup } from '../../main/services/pipeline/criticElements'
import { htmlCard } from '../../main/services/pipeline/ghostCards'

export const scoreCard: ToBlogMarkup = (section) => htmlCard([sideBoxed(section)])
