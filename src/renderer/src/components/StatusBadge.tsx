import type { ReviewStatus } from '@shared/model'

export const STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: 'Draft',
  ready: 'Ready',
  published: 'Published',
}

export function StatusBadge({ status }: { status: ReviewStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>
}
