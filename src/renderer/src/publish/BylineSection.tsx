import type { BylineChoice, PostByline } from '@shared/publish'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { RadioGroup, type RadioOption } from '@renderer/components/RadioGroup'
import type { BylineState } from './useByline'

interface Props {
  blogName: string
  state: BylineState
  /** The blog's kept choice for a review's author it cannot post as. */
  choice: BylineChoice
  onChoose: (choice: BylineChoice) => void
  disabled: boolean
}

/** The byline the post will carry, and the blog's choice when it cannot be the review's author's own. */
export function BylineSection({ blogName, state, choice, onChoose, disabled }: Props) {
  return (
    <section className="publish-section" aria-label="Byline">
      <h3 className="panel-heading">Byline</h3>
      {state.kind === 'asking' && <p className="publish-muted">Asking {blogName} who may sign the post…</p>}
      {state.kind === 'failed' && <ErrorLine>The byline could not be checked: {state.message}</ErrorLine>}
      {state.kind === 'known' && <BylineText byline={state.byline} blogName={blogName} />}
      {state.kind === 'known' && state.byline.unmatched && (
        <RadioGroup
          legend={`When ${blogName} cannot show the review’s author`}
          name="publish-byline"
          value={choice}
          options={choices(state.byline.unmatched)}
          onChange={onChoose}
          disabled={disabled}
        />
      )}
    </section>
  )
}

function BylineText({ byline, blogName }: { byline: PostByline; blogName: string }) {
  const { unmatched } = byline
  return (
    <>
      <p>
        The post is signed <strong>{byline.name}</strong>
        {byline.shown === 'in-post' && ', in a line atop the post'}.
      </p>
      {unmatched && (
        <p className="publish-muted">
          {unmatched.why === 'no-user'
            ? `${blogName} has no user named “${unmatched.author}”`
            : `The account ${unmatched.account} may not post as ${unmatched.author} on ${blogName}`}
          {byline.shown === 'in-post' ? `: the blog’s own byline still names ${unmatched.account}.` : '.'}
        </p>
      )}
    </>
  )
}

function choices({ account, author }: NonNullable<PostByline['unmatched']>): ReadonlyArray<RadioOption<BylineChoice>> {
  return [
    { value: 'account', label: `Post as this account (${account})` },
    { value: 'review', label: `Show the review’s author in the post${author ? ` (${author})` : ''}` },
  ]
}
