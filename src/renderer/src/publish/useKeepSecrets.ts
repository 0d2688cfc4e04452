import { useEffect, useState } from 'react'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

/** The setting that keeps sign-in details without a keyring: read once, changed at the critic's choice (undone when refused). */
export function useKeepSecrets(onChanged: () => void) {
  const [keep, setKeep] = useState<boolean | null>(null)
  const [error, setError] = useState<string | null>(null)

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

  return { keep, error, choose }
}
