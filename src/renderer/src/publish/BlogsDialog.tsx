import { useEffect, useId, useState, type ChangeEvent } from 'react'
import type { BlogDraft, BlogKind, BlogView, SecretBackend } from '@shared/publish'
import { api } from '@renderer/api'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { Icon } from '@renderer/components/Icon'
import { RadioGroup } from '@renderer/components/RadioGroup'
import { TextField } from '@renderer/components/TextField'
import { useAction } from '@renderer/components/useAction'
import { errorMessage } from '@renderer/lib/errorMessage'
import { BLOG_KIND_DESCRIPTORS, BLOG_KINDS, secretName, signsIn } from '@shared/blogKinds'
import { signInState } from './publishWords'
import { useBlogs } from './useBlogs'
import '../styles/publish.css'

const KIND_OPTIONS = BLOG_KINDS.map((kind) => ({ value: kind, label: BLOG_KIND_DESCRIPTORS[kind].label, hint: BLOG_KIND_DESCRIPTORS[kind].hint }))

interface Props {
  onClose: () => void
  /** After a blog was added, changed or removed. */
  onChanged?: () => void
  /** Opens the form at once: for a new blog, or for this blog (to enter its password again). */
  start?: { form: 'add' } | { form: 'edit'; blogId: string }
}

/** The library's blogs: add, change (sign in again) and remove them. */
export function BlogsDialog({ onClose, onChanged, start }: Props) {
  const { listed, error, reload } = useBlogs()
  // null: a new blog; a string: the blog being changed.
  const [form, setForm] = useState<{ blogId: string | null } | null>(start ? { blogId: start.form === 'edit' ? start.blogId : null } : null)
  const [removing, setRemoving] = useState<BlogView | null>(null)
  const [removeError, setRemoveError] = useState<string | null>(null)

  const changed = async () => {
    await reload()
    onChanged?.()
  }

  const remove = async (blog: BlogView) => {
    try {
      await api.removeBlog({ id: blog.id })
      setRemoving(null)
      await changed()
    } catch (failure) {
      setRemoveError(errorMessage(failure))
    }
  }

  const editing = form?.blogId ? listed?.blogs.find((blog) => blog.id === form.blogId) : undefined

  return (
    <>
      <Dialog
        title="Blogs"
        description="Where this library’s reviews can be published."
        onClose={onClose}
        onSubmit={onClose}
        actions={
          <>
            <button type="button" className="button" onClick={() => setForm({ blogId: null })}>
              <Icon name="plus" size={16} /> Add blog
            </button>
            <button type="submit" className="button button-primary">
              Done
            </button>
          </>
        }
      >
        <div className="dialog-fields publish-form">
          {error && <ErrorLine>The blogs could not be read: {error}</ErrorLine>}
          {listed && listed.blogs.length === 0 && <p className="publish-empty">No blog yet. Add one: a folder on this computer needs no account.</p>}
          {listed && listed.blogs.length > 0 && (
            <ul className="blog-list" aria-label="Blogs">
              {listed.blogs.map((blog) => (
                <li key={blog.id} className="blog-item" aria-label={blog.name}>
                  <div className="blog-item-text">
                    <p className="blog-item-name">
                      <strong>{blog.name}</strong> <span className="badge badge-draft">{BLOG_KIND_DESCRIPTORS[blog.kind].label}</span>
                    </p>
                    <p className="address-line blog-item-address">
                      <bdi>{blog.url}</bdi>
                    </p>
                    <p className={!signsIn(blog.kind) || blog.signedIn ? 'blog-item-sign-in' : 'blog-item-sign-in blog-item-signed-out'}>{signInState(blog)}</p>
                  </div>
                  <button type="button" className="button button-quiet" onClick={() => setForm({ blogId: blog.id })}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button-danger-quiet"
                    onClick={() => {
                      setRemoveError(null)
                      setRemoving(blog)
                    }}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          {listed && <SecretsNotice secrets={listed.secrets} onChanged={() => void reload()} />}
        </div>
      </Dialog>
      {form && listed && (form.blogId === null || editing) && (
        <BlogFormDialog
          key={form.blogId ?? 'new'}
          blog={editing ?? null}
          secrets={listed.secrets}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null)
            void changed()
          }}
        />
      )}
      {removing && (
        <Dialog
          title={`Remove “${removing.name}”?`}
          description="Verdict forgets this blog and its sign-in details. Nothing on the blog is deleted, and reviews keep the record of where they were published."
          onClose={() => setRemoving(null)}
          onSubmit={() => void remove(removing)}
          actions={<DialogActions busy={false} label="Remove" onCancel={() => setRemoving(null)} />}
        >
          {removeError && <ErrorLine>{removeError}</ErrorLine>}
        </Dialog>
      )}
    </>
  )
}

/** Where sign-in details are kept, said plainly; without a keyring, the opt-in to keep them anyway. */
function SecretsNotice({ secrets, onChanged }: { secrets: SecretBackend; onChanged: () => void }) {
  const [keep, setKeep] = useState<boolean | null>(null)
  const [error, setError] = useState<string | null>(null)
  const warningId = useId()

  useEffect(() => {
    api.getSettings().then(
      (settings) => setKeep(settings.keepSecretsWithoutKeyring),
      (failure: unknown) => setError(errorMessage(failure)),
    )
  }, [])

  const choose = async (value: boolean) => {
    setKeep(value)
    setError(null)
    try {
      setKeep((await api.updateSettings({ keepSecretsWithoutKeyring: value })).keepSecretsWithoutKeyring)
      onChanged()
    } catch (failure) {
      setKeep(!value)
      setError(errorMessage(failure))
    }
  }

  if (secrets === 'keychain') return <p className="field-hint">Passwords, keys and tokens are kept in this computer’s keychain.</p>
  return (
    <div className="notice notice-warning secrets-notice" role="region" aria-label="Sign-in details">
      <Icon name="warning" />
      <div>
        {secrets === 'memory' ? (
          <p>
            <strong>This computer has no keyring, so Verdict keeps sign-in details only until it quits.</strong> You will enter them again the next time you publish.
          </p>
        ) : (
          <p>
            <strong>Sign-in details are kept in Verdict’s own file, without keyring protection.</strong>
          </p>
        )}
        <p id={warningId}>
          Keeping them without a keyring means anyone who can read your files can read your blog passwords. Only do this on a computer you alone use.
        </p>
        <label className="field-check">
          <input
            type="checkbox"
            aria-describedby={warningId}
            checked={keep ?? false}
            disabled={keep === null}
            onChange={(event) => void choose(event.target.checked)}
          />
          Keep sign-in details on this computer without a keyring
        </label>
        {error && <ErrorLine>{error}</ErrorLine>}
      </div>
    </div>
  )
}

function BlogFormDialog({ blog, secrets, onClose, onSaved }: { blog: BlogView | null; secrets: SecretBackend; onClose: () => void; onSaved: () => void }) {
  const [kind, setKind] = useState<BlogKind>(blog?.kind ?? 'folder')
  const described = BLOG_KIND_DESCRIPTORS[kind]
  const [name, setName] = useState(blog?.name ?? '')
  const [url, setUrl] = useState(blog?.url ?? '')
  const [username, setUsername] = useState(blog?.username ?? '')
  const [secret, setSecret] = useState('')
  const [errors, setErrors] = useState<Partial<Record<'name' | 'url' | 'username' | 'secret', string>>>({})
  const { busy, error, setError, run } = useAction()

  const clear = (field: keyof typeof errors) => {
    setErrors((old) => ({ ...old, [field]: undefined }))
    setError(null)
  }
  /** A text field's value, error and change handler (typing clears the field's error). */
  const bind = (field: keyof typeof errors, value: string, set: (value: string) => void) => ({
    value,
    error: errors[field],
    disabled: busy,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      set(event.target.value)
      clear(field)
    },
  })

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

  return (
    <Dialog
      title={blog ? `Edit “${blog.name}”` : 'Add blog'}
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={<DialogActions busy={busy} label={blog ? 'Save blog' : 'Add blog'} busyLabel="Saving…" onCancel={onClose} />}
    >
      <div className="dialog-fields publish-form">
        <RadioGroup
          legend="Kind"
          name="blog-kind"
          value={kind}
          options={KIND_OPTIONS}
          disabled={busy || blog !== null}
          autofocus={!blog}
          onChange={(option) => {
            setKind(option)
            setErrors({})
            setError(null)
          }}
        />
        <TextField
          label="Name"
          hint="How Verdict lists the blog, e.g. “My film blog”."
          data-autofocus={blog ? true : undefined}
          {...bind('name', name, setName)}
        />
        {described.place === 'folder' ? (
          <div className="field-row">
            <TextField
              className="grow"
              label="Folder"
              hint={described.addressHint}
              spellCheck={false}
              {...bind('url', url, setUrl)}
            />
            <button type="button" className="button" disabled={busy} onClick={() => void browse()}>
              Browse…
            </button>
          </div>
        ) : (
          <>
            <TextField
              label="Site address"
              hint={described.addressHint}
              type="url"
              spellCheck={false}
              placeholder="https://"
              {...bind('url', url, setUrl)}
            />
            {described.needsUserName && (
              <TextField
                label="User name"
                autoComplete="off"
                spellCheck={false}
                {...bind('username', username, setUsername)}
              />
            )}
            {described.secret && (
              <TextField
                label={described.secret.label}
                hint={
                  blog?.signedIn
                    ? `Signed in. Leave this empty to keep the saved ${secretName(kind)}.`
                    : blog
                      ? `Not signed in — enter the ${secretName(kind)} again.`
                      : secrets === 'memory'
                        ? 'Kept only until Verdict quits: this computer has no keyring.'
                        : undefined
                }
                type="password"
                autoComplete="off"
                spellCheck={false}
                {...bind('secret', secret, setSecret)}
              />
            )}
          </>
        )}
        {error && <ErrorLine>{error}</ErrorLine>}
      </div>
    </Dialog>
  )
}
