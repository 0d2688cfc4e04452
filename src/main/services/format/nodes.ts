/**
 * Reading editor nodes that come from the renderer: nothing is trusted, and anything that cannot be
 * written is refused with an error naming the node rather than dropped.
 */
import { VerdictError } from '../../../shared/contract'

/** A node as received: a type and unchecked fields. */
export type LooseNode = { type: string } & Record<string, unknown>

export function unknownNode(type: string, where: string): never {
  throw new VerdictError('INVALID_ARGUMENT', `Cannot write a "${type}" node ${where} as Markdown: the review format has no such node.`)
}

export function malformed(type: string, problem: string): never {
  throw new VerdictError('INVALID_ARGUMENT', `Cannot write a malformed "${type}" node as Markdown: it ${problem}.`)
}

export function childrenOf(node: LooseNode): LooseNode[] {
  const { children } = node
  if (!Array.isArray(children)) malformed(node.type, 'has no children array')
  return children.map((child: unknown) =>
    typeof child === 'object' && child !== null && typeof (child as LooseNode).type === 'string'
      ? (child as LooseNode)
      : malformed(node.type, 'holds a child that is not a node'),
  )
}

/**
 * A string as a UTF-8 Markdown file can hold it: NUL (which CommonMark reads as U+FFFD, and which
 * makes the file unreadable here) and lone surrogates (which UTF-8 cannot encode) become U+FFFD.
 */
export function stringField(node: LooseNode, key: string): string {
  const value = node[key]
  if (typeof value !== 'string') malformed(node.type, `has no text "${key}"`)
  return value.replace(/\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/**
 * Text that to-markdown may write as a character reference (it does so next to emphasis markers
 * and in link parts): code points a reference cannot carry, C0/C1 controls other than tab, line
 * feed, form feed and carriage return and the Unicode noncharacters, become U+FFFD as CommonMark
 * would read them.
 */
export function textField(node: LooseNode, key: string): string {
  return Array.from(stringField(node, key), (char) => {
    const code = char.codePointAt(0)!
    const unreferable =
      code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160) ||
      (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe
    return unreferable ? '\uFFFD' : char
  }).join('')
}

export function integerField(node: LooseNode, key: string): number {
  const value = node[key]
  return Number.isSafeInteger(value) ? (value as number) : malformed(node.type, `has no whole number "${key}"`)
}
