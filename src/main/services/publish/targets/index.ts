/** The target registry: a new blog kind is one file in this folder and one line here. */
import type { BlogConfig } from '../../../../shared/publish'
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

export function createTarget(ctx: TargetContext, deps: TargetDeps): PublishTarget {
  const kind: BlogConfig['kind'] = ctx.blog.kind
  switch (kind) {
    case 'folder':
      return createFolderTarget({ ...ctx, ...deps })
    case 'wordpress':
      return createWordPressTarget(ctx)
    case 'ghost':
      return createGhostTarget(ctx)
    case 'micropub':
      return createMicropubTarget(ctx)
  }
}
