import type { ReactNode } from 'react'

/** One item a warning, in the order given (two may read the same, so they are keyed by place). */
export function WarningList({ warnings }: { warnings: readonly string[] }) {
  return (
    <ul>
      {warnings.map((warning, index) => (
        <li key={index}>{warning}</li>
      ))}
    </ul>
  )
}

/** Warnings folded away under a summary that counts them, for the reader who wants them. */
export function FoldedWarnings({ warnings, summary, className }: { warnings: readonly string[]; summary: ReactNode; className?: string }) {
  return (
    <details className={className}>
      <summary>{summary}</summary>
      <WarningList warnings={warnings} />
    </details>
  )
}
