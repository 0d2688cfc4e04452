/**
 * Links in the preview never navigate the frame: a click (or a middle-click) hands the link to
 * `open`, and a link within the page (a footnote) scrolls to its target here. The listener lives in
 * the app, not the page, so the frame needs no scripts.
 */
export function followLinksOutside(page: Document, open: (url: string) => void): void {
  const follow = (event: MouseEvent) => {
    if (event.type === 'auxclick' && event.button !== 1) return
    // The page's elements belong to the frame's window: no instanceof across windows.
    const target = event.target as Partial<Element> | null
    const link = typeof target?.closest === 'function' ? (target.closest('a[href]') as HTMLAnchorElement | null) : null
    if (!link) return
    event.preventDefault()
    const href = link.getAttribute('href') ?? ''
    if (href.startsWith('#')) page.getElementById(href.slice(1))?.scrollIntoView()
    else open(link.href)
  }
  page.addEventListener('click', follow)
  page.addEventListener('auxclick', follow)
}
