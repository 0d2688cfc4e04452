import { useId } from 'react'
import type { LayoutKind, LibraryLayout } from '@shared/model'
import { isOption, Options } from '@renderer/components/Options'

/** How each layout is named to the critic (docs/format.md, "Site layouts"). */
const LAYOUTS: Record<LayoutKind, string> = {
  verdict: 'Verdict folders',
  flat: 'Markdown files',
  bundle: 'Hugo page bundles',
  jekyll: 'Jekyll posts',
}
const offered = { labels: LAYOUTS }

interface Props {
  layout: LibraryLayout
  onChange: (kind: LayoutKind) => void
}

/** The library's layout, detected from its files or chosen here, and the folder its reviews are in. */
export function LibraryLayoutSelect({ layout, onChange }: Props) {
  const id = useId()
  return (
    <div className="library-layout">
      <label htmlFor={id} className="sidebar-label">
        Layout
      </label>
      <select id={id} value={layout.kind} onChange={(event) => isOption(offered, event.target.value) && onChange(event.target.value)}>
        <Options {...offered} />
      </select>
      {layout.kind !== 'verdict' && layout.content && (
        <p className="library-full-path">
          Reviews in <bdi>{layout.content}</bdi>
        </p>
      )}
    </div>
  )
}
