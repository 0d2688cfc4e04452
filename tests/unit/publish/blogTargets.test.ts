/**
 * The target registry is the targets folder: every kind of blog in the descriptors has its file
 * there, a blog gets its own kind's target, and a kind whose file is missing stops the start with
 * the file it lacks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadTargets } from '../../../src/main/services/publish/blogTargets'
import { BlogTarget, type TargetContext, type TargetDeps } from '../../../src/main/services/publish/publishTarget'
import { BLOG_KINDS, type BlogKind } from '../../../src/shared/blogKinds'

const TARGETS_DIR = '../../../src/main/services/publish/targets'
const deps: TargetDeps = { loadTheme: () => Promise.reject(new Error('no theme in this test')), now: () => new Date(0), libraryDir: '/library' }
const context = (kind: BlogKind): TargetContext => ({ blog: { id: `blog-${kind}`, name: kind, kind, url: 'https://blog.example' }, secret: 'secret' })

describe('blog targets', () => {
  afterEach(() => {
    vi.doUnmock(`${TARGETS_DIR}/micropub`)
    vi.resetModules()
  })

  it('every kind of blog has its file, and a blog gets the target its own kind’s file makes', async () => {
    const createTarget = await loadTargets()
    for (const kind of BLOG_KINDS) {
      const file: unknown = await import(`${TARGETS_DIR}/${kind}.ts`)
      const own = typeof file === 'object' && file !== null && 'target' in file && file.target instanceof BlogTarget ? file.target : undefined
      expect(own?.kind).toBe(kind)
      const made = createTarget(context(kind), deps)
      const expected = own?.create(context(kind), deps)
      expect({ limit: made.maxImageBytes, types: made.imageTypes, members: Object.keys(made) }).toEqual({
        limit: expected?.maxImageBytes,
        types: expected?.imageTypes,
        members: Object.keys(expected ?? {}),
      })
    }
  })

  it('a kind whose file exports no target stops the start, naming the file', async () => {
    vi.doMock(`${TARGETS_DIR}/micropub`, () => ({}))
    const { loadTargets: loadAgain } = await import('../../../src/main/services/publish/blogTargets')
    await expect(loadAgain()).rejects.toThrow(
      'The blog kind “micropub” has no target: src/main/services/publish/targets/micropub.ts must export `target`, a BlogTarget of kind “micropub”.',
    )
  })
})
