import { useState } from 'react'
import type { PublishLogEntry } from '@shared/publish'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'

/** The review's publish log, read when opened (newest first) and again after each publish while open. */
export function usePublishLog(reviewId: string) {
  const [log, setLog] = useState<PublishLogEntry[] | null>(null)
  const [logError, setLogError] = useState<string | null>(null)

  const loadLog = () =>
    api.readPublishLog({ id: reviewId }).then(
      (entries) => {
        setLog([...entries].reverse())
        setLogError(null)
      },
      (failure: unknown) => setLogError(errorMessage(failure)),
    )

  return { log, logError, toggleLog: () => (log ? setLog(null) : void loadLog()), refreshLog: () => log && void loadLog() }
}
