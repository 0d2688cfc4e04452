/** Review-like Markdown bodies, as the editor writes them: headings, marked-up paragraphs, a list, a quote, an image, the score. */
const WORDS = 'film story camera scene light shadow score sound night rain river winter mirror quiet sharp tender brutal lucid the a of in and but it’s don’t well-known 1995 9.5'.split(' ')

export function reviewBody(seed: number, paragraphs = 8): string {
  let state = seed >>> 0
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const words = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ')
  const blocks: string[] = []
  for (let i = 0; i < paragraphs; i++) {
    const roll = next()
    if (i % 4 === 3) blocks.push(`## ${words(3)}`)
    if (roll < 0.1) blocks.push(`- ${words(3)}\n- ${words(4)}\n  - ${words(2)}`, `> ${words(9)}`)
    else if (roll < 0.15) blocks.push(`![${words(3)}](assets/3f2a9c0d1e2b4a5f.png)`)
    blocks.push(`${words(6)} **${words(2)}** ${words(5)} *${words(2)}*, [${words(2)}](https://example.com/a_b?x=1&y=2) ${words(7)}.`)
  }
  blocks.push('## Verdict', `::score[Overall Score]{value="${(next() * 10).toFixed(1)}" scale="10" overall}`, words(12))
  return blocks.join('\n\n')
}
