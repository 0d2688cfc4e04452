import { useState } from 'react'
import { Icon } from '@renderer/components/Icon'
import { BlogsDialog } from './BlogsDialog'
import { OutboxIndicator } from './OutboxIndicator'

/** The library's way to its blogs, and what waits in the outbox. */
export function LibraryPublishTools() {
  const [managing, setManaging] = useState(false)
  return (
    <>
      <OutboxIndicator className="sidebar-button" />
      <button type="button" className="button button-quiet sidebar-button" onClick={() => setManaging(true)}>
        <Icon name="open" size={16} /> Blogs
      </button>
      {managing && <BlogsDialog onClose={() => setManaging(false)} />}
    </>
  )
}
