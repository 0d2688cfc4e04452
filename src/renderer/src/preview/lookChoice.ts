import { useState } from 'react'
import type { BlogView } from '@shared/publish'
import { useBlogs } from '@renderer/publish/useBlogs'

/** "As on <blog>": the blog whose own page frames the preview, and which ask for its look this is. */
export interface AsOnChoice {
  blogId: string
  /** New each time the critic asks (choosing the look, Refresh): only then does main fetch the blog's page. */
  ask: number
}

/** The Theme select's value for a blog's own look. */
export const AS_ON_PREFIX = 'as-on:'

let asks = 0

/**
 * Verdict's themes or a blog's own look. The blogs on the web are offered (a folder blog's pages
 * use Verdict's themes); a choice is a new ask, so main fetches the page once for it.
 */
export function useLookChoice(): { blogs: BlogView[]; asOn: AsOnChoice | null; choose(blogId: string | null): void; refresh(): void } {
  const { listed } = useBlogs()
  const [asOn, setAsOn] = useState<AsOnChoice | null>(null)
  const choose = (blogId: string | null) => setAsOn(blogId ? { blogId, ask: ++asks } : null)
  return {
    blogs: (listed?.blogs ?? []).filter((blog) => blog.kind !== 'folder'),
    asOn,
    choose,
    refresh: () => asOn && choose(asOn.blogId),
  }
}
