import { useEffect, useState } from 'react'
import type { BlogView, BylineChoice, PostByline } from '@shared/publish'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

export type BylineState = { kind: 'asking' } | { kind: 'known'; byline: PostByline } | { kind: 'failed'; message: string }

interface Options {
  blog: BlogView | undefined
  /** Saves pending edits (the byline is the saved review's author); resolves to the review's id after it. */
  prepare: () => Promise<string>
  /** After the blog's byline choice was saved: the blog list again. */
  onBlogChanged: () => Promise<unknown>
}

/** The byline the post will carry on the chosen blog, asked again when the blog or its byline choice changes. */
export function useByline({ blog, prepare, onBlogChanged }: Options) {
  // The answer for the blog and choice it was asked with: another pair is still being asked.
  const [answer, setAnswer] = useState<{ key: string; state: BylineState } | null>(null)
  const [saving, setSaving] = useState(false)
  // The radio follows the click at once; the blog list catches up once the choice is saved.
  const [picked, setPicked] = useState<{ blogId: string; choice: BylineChoice } | null>(null)
  const blogId = blog?.id
  const kept = blog?.byline
  const key = `${blogId}:${kept}`

  useEffect(() => {
    if (!blogId) return
    let current = true
    const settle = (state: BylineState) => current && setAnswer({ key: `${blogId}:${kept}`, state })
    prepare()
      .then((id) => api.publishByline({ id, blogId }))
      .then(
        (byline) => settle({ kind: 'known', byline }),
        (failure: unknown) => settle({ kind: 'failed', message: errorMessage(failure) }),
      )
    return () => {
      current = false
    }
  }, [blogId, kept, prepare])

  /** Keeps the choice with the blog: every later post to it follows it. */
  const choose = async (next: BylineChoice) => {
    if (!blog || saving) return
    const { signedIn: _view, ...config } = blog
    setPicked({ blogId: blog.id, choice: next })
    setSaving(true)
    try {
      await api.saveBlog({ blog: { ...config, byline: next } })
      await onBlogChanged()
    } catch (failure) {
      setPicked(null)
      setAnswer({ key, state: { kind: 'failed', message: errorMessage(failure) } })
    } finally {
      setSaving(false)
    }
  }

  const state: BylineState = answer?.key === key ? answer.state : { kind: 'asking' }
  const choice = (picked?.blogId === blogId ? picked?.choice : undefined) ?? kept ?? 'review'
  return { byline: state, choice, choose, saving }
}
