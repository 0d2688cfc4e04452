import { useState, type ChangeEvent } from 'react'
import type { BlogDraft, BlogKind, BlogView } from '@shared/publish'
import { api } from '@renderer/api'
import { useAction } from '@renderer/components/useAction'
import { errorMessage } from '@renderer/lib/errorMessage'
import { BLOG_KIND_DESCRIPTORS, secretName } from '@shared/blogKinds'

type Field = 'name' | 'url' | 'username' | 'secret'

/** The Add/Edit blog form's state: its kind, its fields and their errors, the folder picker, the save. */
export function useBlogForm(blog: BlogView | null, onSaved: () => void) {
  const [kind, setKind] = useState<BlogKind>(blog?.kind ?? 'folder')
  const described = BLOG_KIND_DESCRIPTORS[kind]
  const [name, setName] = useState(blog?.name ?? '')
  const [url, setUrl] = useState(blog?.url ?? '')
  const [username, setUsername] = useState(blog?.username ?? '')
  const [secret, setSecret] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const { busy, error, setError, run } = useAction()

  const clear = (field: Field) => {
    setErrors((old) => ({ ...old, [field]: undefined }))
    setError(null)
  }
  /** A text field's value, error and change handler (typing clears the field's error). */
  const bind = (field: Field, value: string, set: (value: string) => void) => ({
    value,
    error: errors[field],
    disabled: busy,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      set(event.target.value)
      clear(field)
    },
  })

  const chooseKind = (option: BlogKind) => {
    setKind(option)
    setErrors({})
    setError(null)
  }

  const browse = async () => {
    try {
      // The folder target stores its path in the blog (saveBlog); the pick's token is not needed here.
      const picked = await api.pickFolder({ purpose: 'publish-folder' })
      if (picked === null) return
      setUrl(picked.path)
      clear('url')
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  const submit = async () => {
    const found: typeof errors = {}
    if (!name.trim()) found.name = 'Give the blog a name.'
    if (!url.trim()) found.url = described.place === 'folder' ? 'Choose the folder to publish to.' : 'Enter the site’s address.'
    if (described.needsUserName && !username.trim()) found.username = `Enter the ${described.label} user name.`
    // A new blog needs its secret; a saved one keeps the stored secret when the field stays empty.
    if (described.secret && !blog && !secret) found.secret = `Enter the ${secretName(kind)}.`
    setErrors(found)
    if (Object.keys(found).length > 0) return
    const draft: BlogDraft = {
      ...(blog ? { id: blog.id } : {}),
      name: name.trim(),
      kind,
      url: url.trim(),
      ...(described.needsUserName ? { username: username.trim() } : {}),
      // The byline choice is made in the Publish dialog and kept as it is here.
      ...(blog?.byline ? { byline: blog.byline } : {}),
    }
    const saving = async () => {
      await api.saveBlog({ blog: draft, ...(described.secret && secret ? { secret } : {}) })
      onSaved()
    }
    await run(saving, { staysBusy: true })
  }

  return {
    kind,
    described,
    chooseKind,
    fields: {
      name: bind('name', name, setName),
      url: bind('url', url, setUrl),
      username: bind('username', username, setUsername),
      secret: bind('secret', secret, setSecret),
    },
    busy,
    error,
    browse,
    submit,
  }
}
