/**
 * The blog targets are the folder `./targets/`: a kind of blog's target is the file named after the
 * kind (`targets/micropub.ts` for `micropub`), exporting `target`. Nothing lists them: the kinds are
 * the keys of `BLOG_KIND_DESCRIPTORS`, and each file is loaded by its kind's name, an import that
 * every way main runs (electron-vite's bundle, vitest, tsx, Playwright's loader, esbuild) resolves
 * to the files of that folder, and which holds nothing else.
 */
import { BLOG_KINDS, type BlogKind } from '../../../shared/blogKinds'
import { BlogTarget, type PublishTarget, type TargetContext, type TargetDeps, type TargetFiles } from './publishTarget'

type NoneMissing<T extends never> = T
/** Fails to compile, naming it, while a kind of blog has no file here (each adds its kind to TargetFiles). */
type _EveryKindHasAFile = NoneMissing<Exclude<BlogKind, keyof TargetFiles>>

export type CreateTarget = (ctx: TargetContext, deps: TargetDeps) => PublishTarget

/** Every kind's target, loaded at start-up: a missing or misnamed file stops the app with its name. */
export async function loadTargets(): Promise<CreateTarget> {
  const targets = await Promise.all(BLOG_KINDS.map(loadTarget))
  return (ctx, deps) => {
    const target = targets.find(({ kind }) => kind === ctx.blog.kind)
    if (!target) throw new Error(`No target for the blog kind “${ctx.blog.kind}”.`)
    return target.create(ctx, deps)
  }
}

async function loadTarget(kind: BlogKind): Promise<BlogTarget> {
  const wanted = `src/main/services/publish/targets/${kind}.ts must export \`target\`, a BlogTarget of kind “${kind}”`
  const file: unknown = await import(`./targets/${kind}.ts`).catch((error: unknown) => {
    throw new Error(`The blog kind “${kind}” has no target: ${wanted}.`, { cause: error })
  })
  const target = typeof file === 'object' && file !== null && 'target' in file ? file.target : undefined
  if (target instanceof BlogTarget && target.kind === kind) return target
  throw new Error(`The blog kind “${kind}” has no target: ${wanted}.`)
}
