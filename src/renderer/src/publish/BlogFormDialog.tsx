import type { BlogView, SecretBackend } from '@shared/publish'
import { Dialog, DialogActions } from '@renderer/components/Dialog'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { RadioGroup } from '@renderer/components/RadioGroup'
import { TextField } from '@renderer/components/TextField'
import { BLOG_KIND_DESCRIPTORS, BLOG_KINDS, secretName } from '@shared/blogKinds'
import { useBlogForm } from './useBlogForm'

const KIND_OPTIONS = BLOG_KINDS.map((kind) => ({ value: kind, label: BLOG_KIND_DESCRIPTORS[kind].label, hint: BLOG_KIND_DESCRIPTORS[kind].hint }))

/** Adds a blog, or changes one (its name, address and sign-in; its kind stays). */
export function BlogFormDialog({ blog, secrets, onClose, onSaved }: { blog: BlogView | null; secrets: SecretBackend; onClose: () => void; onSaved: () => void }) {
  const { kind, described, chooseKind, fields, busy, error, browse, submit } = useBlogForm(blog, onSaved)

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
          onChange={chooseKind}
        />
        <TextField
          label="Name"
          hint="How Verdict lists the blog, e.g. “My film blog”."
          data-autofocus={blog ? true : undefined}
          {...fields.name}
        />
        {described.place === 'folder' ? (
          <div className="field-row">
            <TextField
              className="grow"
              label="Folder"
              hint={described.addressHint}
              spellCheck={false}
              {...fields.url}
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
              {...fields.url}
            />
            {described.needsUserName && (
              <TextField
                label="User name"
                autoComplete="off"
                spellCheck={false}
                {...fields.username}
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
                {...fields.secret}
              />
            )}
          </>
        )}
        {error && <ErrorLine>{error}</ErrorLine>}
      </div>
    </Dialog>
  )
}
