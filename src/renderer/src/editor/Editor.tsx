import { useEffect, useRef, useState, type FocusEvent, type ReactNode, type RefObject } from 'react'
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import type { LexicalEditor, SerializedEditorState } from 'lexical'
import type { DocumentSource } from '@renderer/preview/latestDocument'
import type { EditorDocument } from '@shared/document'
import { buildRest, completeDocument, firstScreen } from './opening'
import { holdInputUntilWhole } from './holdInput'
import { theme } from './theme'
import { EDITOR_NODES } from './nodes'
import { registerDocumentTransforms } from './transforms'
import { ToolbarPlugin } from './plugins/ToolbarPlugin'
import { MarkdownShortcutsPlugin } from './plugins/MarkdownShortcutsPlugin'
import { LinkPlugin } from './plugins/LinkPlugin'
import { KeyboardShortcutsPlugin } from './plugins/KeyboardShortcutsPlugin'
import { AutosavePlugin } from './plugins/AutosavePlugin'
import { NativeControlsPlugin } from './plugins/NativeControlsPlugin'
import { CriticBlocksPlugin } from './plugins/CriticBlocksPlugin'
import { SlashMenuPlugin } from './plugins/SlashMenuPlugin'
import { FindPlugin } from './find/FindPlugin'
import { FocusModePlugin } from './plugins/FocusModePlugin'
import './find/find.css'

interface Props {
  /** The review's text as loaded; later changes flow out through `onChange` only. */
  doc: EditorDocument
  /** Whether `doc` is the document main opened (not recovered edits): the saves then send only changed blocks. */
  docIsOpened: boolean
  /** Rendered above the text in the same column (the title field). */
  header: ReactNode
  /** Each content change, as a source of the document's JSON (serialized when asked, incrementally). */
  onChange: (doc: DocumentSource) => void
  /** Set to the editor, for changes the review screen makes to the text (a downscaled image's new path). */
  editorRef?: RefObject<LexicalEditor | null>
  /** Set to the element the text scrolls in (the review screen keeps its place). */
  scrollRef?: RefObject<HTMLDivElement | null>
  /** Focus mode: no formatting toolbar, the block being written stands out (typewriter: kept mid-height). */
  focusMode?: { typewriter: boolean } | null
  /** Builds the whole review before showing it, not its first screen first (opening.ts): it opens at a place further in. */
  whole?: boolean
  /** `doc` is the first part of a review opened in parts: the whole document once its rest has come (undefined if it never does). */
  rest?: Promise<EditorDocument | undefined> | undefined
}

export function Editor({ doc, docIsOpened, header, onChange, editorRef, scrollRef, focusMode = null, whole = false, rest }: Props) {
  // The document main opened, whole once the rest of a review opened in parts has come.
  const [opened, setOpened] = useState(doc)
  // Created once per mounted review: LexicalComposer reads its config only on first render.
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'verdict-review',
    theme,
    nodes: EDITOR_NODES,
    editorState: (editor) => {
      // Before the document, whose first update then runs them (see transforms.ts).
      registerDocumentTransforms(editor)
      const first = whole ? { state: doc as unknown as SerializedEditorState, rest: [] } : firstScreen(doc)
      editor.setEditorState(editor.parseEditorState(first.state))
      // The same block objects as the whole document's: the saver knows the opened blocks by identity.
      buildRest(editor, first.rest, rest?.then((all) => all?.root.children.slice(doc.root.children.length)))
    },
    onError: (error) => {
      throw error
    },
  }))

  useEffect(() => {
    let current = true
    void rest?.then((all) => current && all && setOpened(all))
    return () => {
      current = false
    }
  }, [rest])

  const column = useRef<HTMLDivElement>(null)
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <WholeOnFocus column={column}>
        {!focusMode && <ToolbarPlugin />}
        <FindPlugin />
        <div className="editor-scroll" ref={scrollRef}>
          <div className="editor-column" ref={column}>
            {header}
            <div className="editor-text">
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    className="editor-content"
                    aria-label="Review text"
                    aria-placeholder="Start writing your review…"
                    placeholder={<div className="editor-placeholder">Start writing your review…</div>}
                  />
                }
                ErrorBoundary={LexicalErrorBoundary}
              />
            </div>
          </div>
        </div>
      </WholeOnFocus>
      <HistoryPlugin />
      <LinkPlugin />
      <MarkdownShortcutsPlugin />
      <KeyboardShortcutsPlugin />
      <NativeControlsPlugin />
      <CriticBlocksPlugin />
      <SlashMenuPlugin />
      <AutosavePlugin onChange={onChange} opened={docIsOpened ? opened : undefined} />
      {editorRef && <EditorRefPlugin editorRef={editorRef} />}
      {focusMode && scrollRef && <FocusModePlugin typewriter={focusMode.typewriter} scrollRef={scrollRef} />}
    </LexicalComposer>
  )
}

/**
 * The editor's frame: focus in the text, the toolbar or the find bar builds the rest of a review
 * still being opened (opening.ts) before any key, click or command reaches it, or holds them until
 * the rest has come from main (holdInput.ts); the title above the text (in `column`, outside the
 * text) needs none of it.
 */
function WholeOnFocus({ column, children }: { column: RefObject<HTMLDivElement | null>; children: ReactNode }) {
  const [editor] = useLexicalComposerContext()
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const target = event.target as Node
    const inTitle = column.current?.contains(target) && !editor.getRootElement()?.contains(target)
    if (!inTitle && !completeDocument(editor)) holdInputUntilWhole(editor, event.currentTarget)
  }
  return (
    <div className="editor" onFocus={onFocus}>
      {children}
    </div>
  )
}
