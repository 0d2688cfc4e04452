// The browser mode's stand-in for the preload: the same Bridge (src/shared/contract.ts), over
// fetch and one server-sent event stream instead of ipcRenderer. The session cookie goes along by
// itself; byte arrays travel as base64 in JSON, both ways.
'use strict'
;(() => {
  const encodeBytes = (_key, value) => {
    if (!(value instanceof Uint8Array)) return value
    let binary = ''
    for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000))
    return { __bytes: btoa(binary) }
  }
  const reviveBytes = (_key, value) =>
    typeof value?.__bytes === 'string' ? Uint8Array.from(atob(value.__bytes), (c) => c.charCodeAt(0)) : value

  // One stream for the page: the app's events, and main's requests for the picker (picker.js).
  const listeners = new Set()
  const source = new EventSource('/__events')
  source.onmessage = (message) => {
    const event = JSON.parse(message.data)
    for (const listener of listeners) listener(event)
  }
  for (const name of ['picker', 'picker-done']) {
    source.addEventListener(name, (message) => window.dispatchEvent(new CustomEvent('verdict-' + name, { detail: JSON.parse(message.data) })))
  }

  const invoke = async (channel, args) => {
    const response = await fetch('/__ipc/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args }, encodeBytes),
    })
    const text = await response.text()
    try {
      // A reviver is called for every value: a 50,000-word review parsed through one took several
      // times as long. Only a reply that may hold bytes goes through it.
      return text.includes('"__bytes"') ? JSON.parse(text, reviveBytes) : JSON.parse(text)
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `Verdict's server answered ${response.status} without a readable reply.` } }
    }
  }

  // As assetSegments in src/shared/critic.ts (this file is not built): a path from a site's root
  // (`/img/x.png`, `{{ site.baseurl }}/img/x.png`) goes under ':site'; the server checks it again.
  const assetSegments = (path) => {
    const fromRoot = path.replace(/^\{\{ *site\.baseurl *\}\}(?=\/)/, '')
    return fromRoot.startsWith('/') ? [':site', ...fromRoot.slice(1).split('/')] : path.split('/')
  }

  window.verdict = Object.freeze({
    invoke,
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    assetUrl: (reviewId, relativePath) => '/__asset/' + [reviewId, ...assetSegments(relativePath)].map(encodeURIComponent).join('/'),
    // A browser never tells a page where a dropped file is on disk; the picker can.
    openDropped: () =>
      Promise.resolve({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: 'A browser does not tell Verdict where a dropped file is. Use “Import…” in the library, or open the file with the desktop app.' },
      }),
  })
})()
