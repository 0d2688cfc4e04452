import type { EditorThemeClasses } from 'lexical'

/** Class names Lexical puts on the elements it renders; styled in styles/editor.css. */
export const theme: EditorThemeClasses = {
  paragraph: 'ed-paragraph',
  heading: { h2: 'ed-h2', h3: 'ed-h3', h4: 'ed-h4' },
  quote: 'ed-quote',
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    listitem: 'ed-li',
    nested: { listitem: 'ed-li-nested' },
  },
  link: 'ed-link',
  hr: 'ed-hr',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    strikethrough: 'ed-strike',
    code: 'ed-code',
  },
}
