import { useEffect, useState } from 'react'
import type { SearchResults } from '@shared/contract'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

/**
 * Hits shown at once: a few screenfuls; the count says how many there are in all. Each hit's sentence
 * is cut from its review's words in the search thread and each is a row to lay out: at 10,000 reviews
 * 50 sentences took as long as the search itself.
 */
export const SEARCH_LIMIT = 20
/** Hits added by each "Show more results", up to the most one answer may carry (channels.ts). */
export const MORE_HITS = 50
export const MOST_HITS = 500
/** How often the count is asked again while the index is still being built. */
const INDEXING_RETRY_MS = 700

export type SearchState = { kind: 'idle' } | { kind: 'searching' } | { kind: 'failed'; message: string } | { kind: 'done'; results: SearchResults }

/**
 * The full-text search for the query as typed: each keystroke asks main, and only the answer to the
 * latest query is shown (main skips the queries a newer one overtook unsearched). While the index is
 * still reading the library, the search is repeated so the results fill in. `showMore` asks again for more hits of the same query (a new query starts at
 * SEARCH_LIMIT); it is null when every hit is shown or an answer may carry no more.
 */
export function useLibrarySearch(query: string, listingVersion: unknown): { search: SearchState; showMore: (() => void) | null } {
  const [state, setState] = useState<SearchState>({ kind: 'idle' })
  // This field's searches: main runs the newest of them and answers the older ones still waiting unsearched.
  const [session] = useState(() => crypto.randomUUID())
  const trimmed = query.trim()
  // Keyed by the query, so typing goes back to the first hits without an effect to reset it.
  const [asked, setAsked] = useState({ query: '', limit: SEARCH_LIMIT })
  const limit = asked.query === trimmed ? asked.limit : SEARCH_LIMIT
  useEffect(() => {
    if (!trimmed) return
    let current = true
    let retry: ReturnType<typeof setTimeout> | undefined
    const run = () =>
      api.searchReviews({ query: trimmed, limit, session }).then(
        (results) => {
          if (!current || results.superseded) return
          setState({ kind: 'done', results })
          if (results.indexing) retry = setTimeout(run, INDEXING_RETRY_MS)
        },
        (error: unknown) => {
          if (current) setState({ kind: 'failed', message: errorMessage(error) })
        },
      )
    void run()
    return () => {
      current = false
      clearTimeout(retry)
    }
  }, [trimmed, limit, listingVersion, session])
  const search: SearchState = trimmed ? (state.kind === 'idle' ? { kind: 'searching' } : state) : { kind: 'idle' }
  const hidden = search.kind === 'done' && (search.results.more || search.results.total > search.results.hits.length)
  return {
    search,
    showMore: hidden && limit < MOST_HITS ? () => setAsked({ query: trimmed, limit: Math.min(MOST_HITS, limit + MORE_HITS) }) : null,
  }
}
