import type { ReactNode } from 'react'

/** A failure said where it happened, announced to screen readers as it appears. */
export function ErrorLine({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p id={id} className="field-error" role="alert">
      {children}
    </p>
  )
}
