/**
 * The browser's own editing: one contenteditable element holding the review as HTML. With `?cv`,
 * every block gets `content-visibility: auto`, so only blocks near the viewport are laid out and
 * painted — the ceiling a virtualising editor could reach.
 */
import { fetchText, whenPainted } from '../shared/bench'
import '../shared/page.css'
import './content-visibility.css'

const editor = document.querySelector<HTMLElement>('.editor')!
if (new URLSearchParams(location.search).has('cv')) editor.classList.add('cv')

window.__bench = {
  async open(name) {
    const started = performance.now()
    editor.innerHTML = await fetchText(`/docs/${name}.html`)
    editor.contentEditable = 'true'
    return (await whenPainted(() => editor)) - started
  },
}
