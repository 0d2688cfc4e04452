import { startTransition, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import type { EditorDocument } from '@shared/document'
import { inBackground } from '@renderer/lib/background'
import { Editor } from './Editor'

/** A few blocks of the kinds most reviews open with, each text format and a link. */
const WARM_UP_DOC: EditorDocument = {
  root: {
    type: 'root',
    children: [
      { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Warm-up', format: 0 }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'A ', format: 0 },
          { type: 'text', text: 'short', format: 1 },
          { type: 'text', text: ' review ', format: 2 },
          { type: 'link', url: 'https://example.com', children: [{ type: 'text', text: 'with a link', format: 0 }] },
          { type: 'text', text: '.', format: 0 },
        ],
      },
      { type: 'quote', children: [{ type: 'text', text: 'A quote.', format: 0 }] },
      { type: 'list', listType: 'bullet', start: 1, children: [{ type: 'listitem', value: 1, children: [{ type: 'text', text: 'An item', format: 0 }] }] },
    ],
  },
}

let started = false

/** The performance mark set once the warm-up's editor is unmounted. */
export const WARMED_UP_MARK = 'verdict-editor-warmed-up'

/**
 * Mounts an editor once, out of the document, and unmounts it: the first review opened after the
 * start otherwise compiled the editor's code (Lexical, its React bindings, the plugins) on its first
 * call while showing the text — about half of the renderer's work in the bench's first open of a
 * 10,000-word review, none in the opens after it. Called once the library shows; the render is a
 * transition, so it yields to input every few milliseconds. The editor's plugins touch no file and
 * no other screen: nodes and plugins reach the app only through EditorServices, which is left out.
 */
export function warmUpEditor(): void {
  if (started) return
  started = true
  inBackground(() => {
    const root = createRoot(document.createElement('div'))
    const unmount = () =>
      inBackground(() => {
        root.unmount()
        // For traces (npm run bench -- --trace) and the end-to-end test that checks nothing is left.
        performance.mark(WARMED_UP_MARK)
      })
    startTransition(() =>
      root.render(
        <>
          <Editor doc={WARM_UP_DOC} docIsOpened={false} header={null} onChange={() => undefined} />
          <AfterEffects run={unmount} />
        </>,
      ),
    )
  })
}

/** Runs `run` after its earlier siblings' effects: the editor's plugins have registered by then. */
function AfterEffects({ run }: { run: () => void }) {
  useEffect(run, [run])
  return null
}
