/**
 * Splitting a Markdown body into top-level chunks that parse the same alone as together, so the
 * parsed tree of each chunk can be cached: re-rendering a 10,000-word review after an edit
 * re-parses only the chunks that changed (micromark is most of a render's time).
 *
 * A split happens only at a blank line followed by a line that starts a new block on its own:
 * never inside a fenced code block or a container directive, never before an indented line (list
 * item continuation, indented code) or a list marker (a loose list continues across blank lines).
 * Documents whose parse depends on other blocks are not split at all: link reference definitions
 * and footnotes (resolved across the document) and raw HTML (re-parsed as one HTML document).
 */

// Any `[label]:` (a definition, also inside quotes or lists) or anything that may be HTML.
const CROSS_BLOCK = /\[[^\]\n]+\]:|<[A-Za-z!?/]/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/
const CONTAINER_OPEN = /^ {0,3}(:{3,})[A-Za-z]/
const CONTAINER_CLOSE = /^ {0,3}(:{3,})\s*$/
const LIST_OR_INDENT = /^(?:\s|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$))/

/** The chunks (concatenated they are `body`), or undefined when the body must be parsed whole. */
export function splitBlocks(body: string): string[] | undefined {
  if (CROSS_BLOCK.test(body)) return undefined
  const lines = body.split('\n')
  const chunks: string[] = []
  let current: string[] = []
  let fence: string | undefined
  const containers: number[] = []
  let previousBlank = false
  for (const line of lines) {
    if (fence === undefined && containers.length === 0 && previousBlank && line !== '' && !LIST_OR_INDENT.test(line) && current.length > 0) {
      chunks.push(current.join('\n') + '\n')
      current = []
    }
    current.push(line)
    if (fence !== undefined) {
      const close = line.match(FENCE_CLOSE)
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined
    } else {
      const open = line.match(FENCE)
      if (open) fence = open[1]
      else if (CONTAINER_OPEN.test(line)) containers.push(line.match(CONTAINER_OPEN)![1]!.length)
      else if (containers.length > 0) {
        const close = line.match(CONTAINER_CLOSE)
        if (close && close[1]!.length >= containers[containers.length - 1]!) containers.pop()
      }
    }
    previousBlank = line.trim() === ''
  }
  const last = current.join('\n')
  if (last !== '') chunks.push(last)
  return chunks.join('') === body ? chunks : undefined
}
