const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** Links a published review may carry: web pages and e-mail addresses, never scripts or local files. */
export function isAllowedUrl(value: string): boolean {
  try {
    const url = new URL(value.trim())
    return ALLOWED_PROTOCOLS.has(url.protocol) && (url.protocol === 'mailto:' ? url.pathname !== '' : url.hostname !== '')
  } catch {
    return false
  }
}
