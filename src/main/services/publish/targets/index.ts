/**
 * The target registry: a new blog kind is one file in this folder, one line here and its entry in
 * shared/blogKinds.ts (its name in BLOG_KINDS and its descriptor; tsc then asks for the line here).
 */
import type { BlogKind } from '../../../../shared/publish'
import type { Theme } from '../../pipeline'
import { createFolderTarget } from './folder'
import { createGhostTarget } from './ghost'
import { createMicropubTarget } from './micropub'
import type { PublishTarget, TargetContext } from './types'
import { createWordPressTarget } from './wordpress'

export interface TargetDeps {
  /** The theme the folder target writes its pages with. */
  loadTheme(): Promise<Theme>
  now(): Date
  /** The library's folder: a site folder must not be inside it. */
  libraryDir: string
}

const TARGETS: Record<BlogKind, (ctx: TargetContext, deps: TargetDeps) => PublishTarget> = {
  folder: (ctx, deps) => createFolderTarget({ ...ctx, ...deps }),
  wordpress: (ctx) => createWordPressTarget(ctx),
  ghost: (ctx) => createGhostTarget(ctx),
  micropub: (ctx) => createMicropubTarget(ctx),
}

export function createTarget(ctx: TargetContext, deps: TargetDeps): PublishTarget {
  return TARGETS[ctx.blog.kind](ctx, deps)
}
