import { useEffect, useRef, useState } from 'react'
import type { OpenRequest } from '@shared/contract'
import { api } from '@renderer/api'
import { Dialog, InfoDialog } from '@renderer/components/Dialog'
import { errorMessage } from '@renderer/lib/errorMessage'

interface Props {
  /** Saves the open review and shows the library: nothing may be left unsaved in a library being left. */
  leave: () => Promise<void>
  /** Shows the library in use, read afresh (it may be another one now). */
  showLibrary: () => void
  showReview: (id: string) => void
}

/**
 * Paths the system handed Verdict (opened with it, on its command line) and files dropped on the
 * window, as main judged them: one at a time, in the order they came. A loose Markdown file asks
 * what to do; what cannot be opened says why.
 */
export function OpenFromSystem({ leave, showLibrary, showReview }: Props) {
  const [queue, setQueue] = useState<OpenRequest[]>([])
  const handling = useRef<OpenRequest | null>(null)
  const head = queue[0]
  // The head is replaced (by what the critic chose, or by why it failed) or done and dropped.
  const replaceHead = (next?: OpenRequest) => setQueue((requests) => (next ? [next, ...requests.slice(1)] : requests.slice(1)))

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'open-request') setQueue((requests) => [...requests, event.request])
      }),
    [],
  )

  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault()
    }
    // Drops the editor took (images into the text) are its own; any other file dropped is opened.
    const onDrop = (event: DragEvent) => {
      const files = Array.from(event.dataTransfer?.files ?? [])
      if (event.defaultPrevented || files.length === 0) return
      event.preventDefault()
      for (const file of files) {
        api.openDropped(file).catch((error: unknown) => setQueue((requests) => [...requests, { action: 'refused', path: file.name, message: errorMessage(error) }]))
      }
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])

  useEffect(() => {
    if (!head || head.action === 'choose' || head.action === 'refused' || handling.current === head) return
    handling.current = head
    const path = head.action === 'import' ? head.file.path : head.path
    act(head).then(
      () => replaceHead(),
      (error: unknown) => replaceHead({ action: 'refused', path, message: errorMessage(error) }),
    )
    async function act(request: Exclude<OpenRequest, { action: 'choose' | 'refused' }>): Promise<void> {
      await leave()
      if (request.action === 'import') return showReview((await api.importReview({ file: request.file.token })).id)
      if (request.library) await api.switchLibrary({ folder: request.library.token })
      if (request.action === 'review') showReview(request.id)
      else showLibrary()
    }
  }, [head, leave, showLibrary, showReview])

  if (head?.action === 'refused') {
    return (
      <InfoDialog title={`Could not open “${nameOf(head.path)}”`} onClose={() => replaceHead()}>
        <p>{head.message}</p>
      </InfoDialog>
    )
  }
  if (head?.action !== 'choose') return null
  const { file, inPlace, notInPlace } = head
  return (
    <Dialog
      title={`Open “${nameOf(file.path)}”`}
      description="This Markdown file is not a review of a Verdict library."
      onClose={() => replaceHead()}
      onSubmit={() => replaceHead({ action: 'import', file })}
      actions={
        <>
          <button type="button" className="button" onClick={() => replaceHead()}>
            Cancel
          </button>
          {inPlace && (
            <button type="button" className="button" onClick={() => replaceHead({ action: 'review', path: file.path, ...inPlace })}>
              Open where it is
            </button>
          )}
          <button type="submit" className="button button-primary" data-autofocus>
            Import a copy
          </button>
        </>
      }
    >
      <p className="open-path">{file.path}</p>
      <p>“Import a copy” adds it to this library as a new review; the file itself is left as it is.</p>
      {inPlace ? (
        <p>
          “Open where it is” makes its folder’s parent, {inPlace.library.path}, your library: Verdict edits the file itself, and the other folders there become
          reviews of that library too.
        </p>
      ) : (
        notInPlace && <p>{notInPlace}</p>
      )}
    </Dialog>
  )
}

/** The last part of a path (either separator: the path may come from Windows). */
function nameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path
}
