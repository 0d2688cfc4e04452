/** Same-work detection (shared/sameWork.ts): ids first, else folded title and year. */
import { describe, expect, it } from 'vitest'
import type { Subject } from '../../../src/shared/critic'
import { sameWork } from '../../../src/shared/sameWork'

const film = (patch: Partial<Subject>): Subject => ({ kind: 'film', title: 'Ballerina', creators: [], cast: [], ids: {}, ...patch })

describe('sameWork', () => {
  it('matches any shared id, whatever the titles say', () => {
    expect(sameWork(film({ ids: { imdb: 'tt7181546' } }), film({ title: 'From the World of John Wick: Ballerina', ids: { imdb: 'tt7181546' } }))).toBe('id')
    expect(sameWork(film({ ids: { wikidata: 'Q107002052' } }), film({ title: 'x', ids: { wikidata: 'Q107002052' } }))).toBe('id')
    const book = (isbn: string): Subject => ({ kind: 'book', title: 'Intermezzo', creators: [], cast: [], ids: { isbn } })
    expect(sameWork(book('978-0-374-60263-6'), book('9780374602636'))).toBe('id')
  })

  it('matches a folded title with the same year, and not another year or no year', () => {
    expect(sameWork(film({ title: 'Amélie', year: 2001 }), film({ title: 'AMELIE', year: 2001 }))).toBe('title-year')
    expect(sameWork(film({ title: 'Amélie!', year: 2001 }), film({ title: 'amelie', year: 2001 }))).toBe('title-year')
    expect(sameWork(film({ year: 2025 }), film({ year: 2024 }))).toBeUndefined()
    expect(sameWork(film({}), film({}))).toBeUndefined()
    expect(sameWork(film({ ids: { imdb: 'tt1' }, year: 2025 }), film({ ids: { imdb: 'tt2' }, year: 2025, title: 'Other' }))).toBeUndefined()
  })
})
