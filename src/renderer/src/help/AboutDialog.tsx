import { useEffect, useState } from 'react'
import type { AboutInfo } from '@shared/contract'
import { api } from '@renderer/api'
import { InfoDialog } from '@renderer/components/Dialog'
import { errorMessage } from '@renderer/lib/errorMessage'

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [about, setAbout] = useState<AboutInfo | string | null>(null)
  useEffect(() => {
    api.getAbout().then(setAbout, (error: unknown) => setAbout(errorMessage(error)))
  }, [])
  const rows: Array<[string, string | undefined]> =
    about && typeof about === 'object'
      ? [
          ['Version', about.version],
          ['Electron', about.versions.electron ?? 'none (running in a browser)'],
          ['Chromium', about.versions.chrome ?? navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1]],
          ['Node.js', about.versions.node],
          ['V8', about.versions.v8],
        ]
      : []
  return (
    <InfoDialog
      title="About Verdict"
      description="A writing app for critics: draft reviews offline, preview them as your blog shows them, publish and export."
      onClose={onClose}
    >
      {typeof about === 'string' && <p role="alert">{about}</p>}
      <dl className="about-versions" aria-busy={about === null}>
        {rows.map(([name, value]) =>
          value ? (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {about && typeof about === 'object' && (
        <p className="about-licence">
          Verdict is released under the {about.licence} licence. It is built on Electron, Chromium, React, Lexical and other
          open-source software under their own licences; Chromium’s are listed in LICENSES.chromium.html beside the app.
        </p>
      )}
    </InfoDialog>
  )
}
