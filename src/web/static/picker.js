// The browser mode's file and folder picker (src/web/picker.ts): main asks for it over the event
// stream when the critic presses "Browse…", this dialog lists folders through the server, and the
// choice goes back to main, which answers the renderer with a token, never the other way round.
'use strict'
;(() => {
  let open = null

  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props)
    node.append(...children)
    return node
  }

  const request = async (url, init) => {
    const response = await fetch(url, init)
    const body = await response.json().catch(() => null)
    if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}.`)
    return body
  }

  function show(pick) {
    open?.dialog.remove()
    const folderPick = pick.kind === 'folder'
    const title = folderPick ? 'Choose a folder' : `Choose a file (${pick.extensions.map((e) => '.' + e).join(', ')})`
    const heading = el('h2', { id: 'verdict-picker-title', textContent: title })
    const location = el('input', { type: 'text', id: 'verdict-picker-location', spellcheck: false, autocomplete: 'off' })
    const go = el('button', { type: 'submit', className: 'verdict-picker-button', textContent: 'Go' })
    const locationForm = el(
      'form',
      { className: 'verdict-picker-location' },
      el('label', { htmlFor: location.id, textContent: 'Folder' }),
      location,
      go,
    )
    const up = el('button', { type: 'button', className: 'verdict-picker-button', textContent: 'Parent folder' })
    const status = el('p', { className: 'verdict-picker-status', role: 'status' })
    const folders = el('ul', { className: 'verdict-picker-list' })
    const files = el('ul', { className: 'verdict-picker-list' })
    folders.setAttribute('aria-label', 'Folders')
    files.setAttribute('aria-label', 'Files')
    const cancel = el('button', { type: 'button', className: 'verdict-picker-button', textContent: 'Cancel' })
    const choose = el('button', { type: 'button', className: 'verdict-picker-button verdict-picker-primary', textContent: folderPick ? 'Choose this folder' : 'Choose file' })
    const dialog = el(
      'dialog',
      { className: 'verdict-picker' },
      heading,
      locationForm,
      up,
      el('div', { className: 'verdict-picker-entries' }, folders, ...(folderPick ? [] : [files])),
      status,
      el('div', { className: 'verdict-picker-actions' }, cancel, choose),
    )
    dialog.setAttribute('aria-labelledby', heading.id)
    const state = { dialog, session: pick.session, path: pick.start, selected: null }
    open = state

    const say = (text, alert = false) => {
      status.textContent = text
      status.setAttribute('role', alert ? 'alert' : 'status')
    }
    const entry = (name, onClick, folder = false) => {
      // The folder mark is decoration: the button's name is the folder's name alone.
      const mark = folder ? [el('span', { className: 'verdict-picker-mark', textContent: '▸ ' })] : []
      for (const node of mark) node.setAttribute('aria-hidden', 'true')
      const button = el('button', { type: 'button', className: 'verdict-picker-entry' }, ...mark, name)
      button.addEventListener('click', () => onClick(button))
      return el('li', {}, button)
    }

    // Only the newest listing is shown, and it never overwrites what the critic typed since asking
    // for it: the first folder's listing can arrive after they have typed another folder.
    let browsing = 0
    let typed = 0
    location.addEventListener('input', () => (typed = browsing))
    async function browse(path) {
      const ticket = ++browsing
      try {
        const listing = await request(`/__picker/list?session=${encodeURIComponent(state.session)}&path=${encodeURIComponent(path)}`)
        if (ticket !== browsing) return
        state.path = listing.path
        state.selected = null
        if (typed < ticket) location.value = listing.path
        up.disabled = listing.parent === null
        up.onclick = () => void browse(listing.parent)
        folders.replaceChildren(...listing.folders.map((name) => entry(name, () => void browse(join(listing.path, name)), true)))
        files.replaceChildren(
          ...listing.files.map((name) =>
            entry(name, (button) => {
              for (const other of files.querySelectorAll('button')) other.setAttribute('aria-pressed', 'false')
              button.setAttribute('aria-pressed', 'true')
              state.selected = join(listing.path, name)
              choose.disabled = false
            }),
          ),
        )
        for (const button of files.querySelectorAll('button')) button.setAttribute('aria-pressed', 'false')
        choose.disabled = !folderPick
        const count = listing.folders.length + listing.files.length
        say(count === 0 ? (folderPick ? 'No folders in here.' : 'No folders or matching files in here.') : listing.truncated ? 'Only the first entries are listed.' : '')
      } catch (error) {
        if (ticket === browsing) say(error.message, true)
      }
    }

    async function answer(path) {
      try {
        await request('/__picker/choose', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ session: state.session, path }),
        })
      } catch (error) {
        if (path === null) return close(state.session)
        say(error.message, true)
      }
    }

    locationForm.addEventListener('submit', (event) => {
      event.preventDefault()
      void browse(location.value.trim())
    })
    cancel.addEventListener('click', () => void answer(null))
    choose.addEventListener('click', () => void answer(folderPick ? state.path : state.selected))
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault()
      void answer(null)
    })
    document.body.append(dialog)
    dialog.showModal()
    void browse(pick.start)
  }

  function close(session) {
    if (!open || open.session !== session) return
    open.dialog.close()
    open.dialog.remove()
    open = null
  }

  // Paths are shown and sent as the server's own (POSIX or Windows): join with what the path uses.
  function join(folder, name) {
    const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/'
    return folder.endsWith(separator) ? folder + name : folder + separator + name
  }

  window.addEventListener('verdict-picker', (event) => show(event.detail))
  window.addEventListener('verdict-picker-done', (event) => close(event.detail.session))
})()
