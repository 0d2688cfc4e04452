/**
 * Lexical with nothing but RichTextPlugin and HistoryPlugin: the floor any Lexical editor stands
 * on. The review's Markdown is converted with @lexical/markdown's TRANSFORMERS (critic blocks and
 * images, which those do not know, stay text).
 */
import { createRoot } from 'react-dom/client'
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { $convertFromMarkdownString, TRANSFORMERS } from '@lexical/markdown'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { ListItemNode, ListNode } from '@lexical/list'
import { LinkNode } from '@lexical/link'
// The node TRANSFORMERS' code-block transformer needs; declared at the exact version @lexical/markdown uses.
import { CodeNode } from '@lexical/code-core'
import { fetchText, whenPainted } from '../shared/bench'
import '../shared/page.css'

function Editor({ markdown }: { markdown: string }) {
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'lexical-bare',
        nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, CodeNode],
        editorState: () => $convertFromMarkdownString(markdown, TRANSFORMERS),
        onError: (error) => {
          throw error
        },
      }}
    >
      <div className="scroll">
        <div className="column">
          <RichTextPlugin contentEditable={<ContentEditable className="editor" aria-label="Review text" />} ErrorBoundary={LexicalErrorBoundary} />
        </div>
      </div>
      <HistoryPlugin />
    </LexicalComposer>
  )
}

const root = createRoot(document.getElementById('root')!)
window.__bench = {
  async open(name) {
    const started = performance.now()
    const markdown = await fetchText(`/docs/${name}.md`)
    root.render(<Editor markdown={markdown} />)
    return (await whenPainted(() => document.querySelector('[aria-label="Review text"]'))) - started
  },
}
