import { useId } from 'react'
import type { SecretBackend } from '@shared/publish'
import { ErrorLine } from '@renderer/components/ErrorLine'
import { Icon } from '@renderer/components/Icon'
import { useKeepSecrets } from './useKeepSecrets'

/** Where sign-in details are kept, said plainly; without a keyring, the opt-in to keep them anyway. */
export function SecretsNotice({ secrets, onChanged }: { secrets: SecretBackend; onChanged: () => void }) {
  const { keep, error, choose } = useKeepSecrets(onChanged)
  const warningId = useId()

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
