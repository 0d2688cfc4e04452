import { describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import { argumentParser, channelSchemas, type Args, type ParsedArgs, type Result } from '../../../src/shared/channels'
import { DOCUMENT_SCHEMAS } from '../../../src/main/blocks'
import { CHANNELS, type Api, type Handlers, type SearchResults } from '../../../src/shared/contract'

const channels = channelSchemas(DOCUMENT_SCHEMAS)
const parseArgs = argumentParser(DOCUMENT_SCHEMAS)

// The `expectTypeOf` lines are checked by tsc (`npm run typecheck`): a schema that changes changes
// the types the renderer and the handlers are held to, or the typecheck fails.
describe('the channels', () => {
  it("take their argument types from their schemas: the renderer sends the input, the handler gets the output", () => {
    type SaveSchema = typeof channels.saveReview.args
    expectTypeOf<Args<'saveReview'>>().toEqualTypeOf<z.input<SaveSchema>>()
    expectTypeOf<ParsedArgs<'saveReview'>>().toEqualTypeOf<z.output<SaveSchema>>()
    expectTypeOf<Parameters<Handlers['saveReview']>[0]>().toEqualTypeOf<z.output<SaveSchema>>()
    expectTypeOf<Parameters<Api['saveReview']>[0]>().toEqualTypeOf<z.input<SaveSchema>>()

    expectTypeOf<ParsedArgs<'searchReviews'>>().toEqualTypeOf<{ query: string; limit: number; session?: string | undefined }>()
    expectTypeOf(parseArgs<'searchReviews'>).returns.toEqualTypeOf<{ query: string; limit: number; session?: string | undefined }>()
  })

  it('carry their result types to the handlers and the renderer', () => {
    expectTypeOf<Result<'searchReviews'>>().toEqualTypeOf<SearchResults>()
    expectTypeOf<ReturnType<Handlers['searchReviews']>>().toEqualTypeOf<Promise<SearchResults>>()
    expectTypeOf<Api['getLibrary']>().toBeCallableWith()
    expectTypeOf<Api['getLibrary']>().returns.resolves.toEqualTypeOf<Result<'getLibrary'>>()
  })

  it('are the channels the preload lets through', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(channels).sort())
  })

  it('parse an argument with the channel’s own schema', () => {
    expect(parseArgs('searchReviews', { query: 'noir', limit: 5 })).toEqual({ query: 'noir', limit: 5 })
    expect(() => parseArgs('searchReviews', { query: 'noir', limit: 0 })).toThrow()
    expect(() => parseArgs('getLibrary', { anything: true })).toThrow()
  })
})
