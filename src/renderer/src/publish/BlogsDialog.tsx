import { useState } from 'react'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { Icon } from '@renderer/components/Icon'
import { BLOG_KIND_DESCRIPTORS, signsIn } from '@shared/blogKinds'
import { BlogFormDialog } from './BlogFormDialog'
import { signInState } from './publishWords'
import { SecretsNotice } from './SecretsNotice'
import { useBlogRemoval } from './useBlogRemoval'
import { useBlogs } from './useBlogs'
import '../styles/publish.css'

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
  const changed = async () => {
    await reload()
    onChanged?.()
  }
  const removal = useBlogRemoval(changed)

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
                    onClick={() => removal.ask(blog)}
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
      {removal.removing && (
        <Dialog
          title={`Remove “${removal.removing.name}”?`}
          description="Verdict forgets this blog and its sign-in details. Nothing on the blog is deleted, and reviews keep the record of where they were published."
          onClose={removal.cancel}
          onSubmit={() => void removal.remove()}
          actions={<DialogActions busy={false} label="Remove" onCancel={removal.cancel} />}
        >
          {removal.error && <ErrorLine>{removal.error}</ErrorLine>}
        </Dialog>
      )}
    </>
  )
}
