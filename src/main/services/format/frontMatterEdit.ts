/**
 * Edits front matter in place: only the keys the critic changed are rewritten, as text spliced into
 * the file, so comments, key order, quoting, flow or block style, anchors and blank lines around
 * them stay as the file had them (docs/format.md, "Your files, untouched").
 *
 * - YAML goes through `yaml`'s Document API: each pair's source range says what to replace, and a
 *   changed value keeps its node's style (quotes, flow or block, the items it still holds).
 * - TOML (`+++`) is edited by lines: a top-level `key = value` is replaced where it stands (a
 *   trailing `# comment` stays); new keys go before the first `[table]`, new tables at the end.
 * - JSON goes through jsonc-parser's `modify`, which makes the smallest edit for a path.
 * New keys are appended in Verdict's own style. After an edit the front matter is read back and
 * compared with what was meant; a mismatch is a bug and refuses the save instead of writing it.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser'
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml'
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parse as parseYaml,
  parseDocument,
  Scalar,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml'
import type { FrontMatterHead, FrontMatterKind } from './frontMatter'

/** One key to set (`value`) or remove (`value === undefined`). */
export interface KeyEdit {
  key: string
  value: unknown
}

interface Splice {
  from: number
  to: number
  text: string
}

/**
 * The file's text with its front matter edited; a file without front matter gets a YAML one, and
 * when every key is removed the front matter stays (empty) so the file keeps its shape.
 */
export function editFrontMatter(text: string, head: FrontMatterHead | undefined, edits: readonly KeyEdit[], newKey: (key: string, value: unknown) => string): string {
  if (edits.length === 0) return text
  if (!head) {
    const added = edits.filter((edit) => edit.value !== undefined).map((edit) => newKey(edit.key, edit.value)).join('')
    return added ? `---\n${added}---\n\n${text}` : text
  }
  const source = text.slice(head.start, head.end)
  const edited = EDITORS[head.kind](source, edits, newKey)
  check(head.kind, edited, edits)
  return text.slice(0, head.start) + edited + text.slice(head.end)
}

const EDITORS: Record<FrontMatterKind, (source: string, edits: readonly KeyEdit[], newKey: (key: string, value: unknown) => string) => string> = {
  yaml: editYaml,
  toml: editToml,
  json: editJson,
}

function applySplices(source: string, splices: Splice[]): string {
  let out = source
  for (const { from, to, text } of [...splices].sort((a, b) => b.from - a.from)) out = out.slice(0, from) + text + out.slice(to)
  return out
}

const lineStart = (source: string, offset: number): number => source.lastIndexOf('\n', offset - 1) + 1
const lineEndAfter = (source: string, offset: number): number => {
  const end = source.indexOf('\n', offset)
  return end === -1 ? source.length : end + 1
}
const withFinalNewline = (source: string): string => (source === '' || source.endsWith('\n') ? source : `${source}\n`)

// ── YAML ───────────────────────────────────────────────────────────────────────────────────────

function editYaml(source: string, edits: readonly KeyEdit[], newKey: (key: string, value: unknown) => string): string {
  const doc = parseDocument(source, { schema: 'core', resolveKnownTags: false })
  const map = isMap(doc.contents) ? (doc.contents as YAMLMap<unknown, unknown>) : undefined
  const splices: Splice[] = []
  let appended = ''
  for (const { key, value } of edits) {
    const pair = map?.items.find((item) => isScalar(item.key) && String(item.key.value) === key) as Pair<Scalar, Node | null> | undefined
    if (!pair) {
      if (value !== undefined) appended += newKey(key, value)
      continue
    }
    const keyRange = pair.key.range!
    const valueEnd = pair.value?.range ? trimmedEnd(source, pair.value.range[1], keyRange[1]) : keyRange[1]
    if (value === undefined) {
      splices.push({ from: lineStart(source, keyRange[0]), to: lineEndAfter(source, valueEnd - 1 < keyRange[1] ? keyRange[1] : valueEnd - 1), text: '' })
      continue
    }
    splices.push(replaceYamlValue(source, doc, pair, value, valueEnd))
  }
  return withFinalNewline(applySplices(source, splices)) + appended
}

/** The end of a value's own text, before the blank lines and newline its range may take in. */
function trimmedEnd(source: string, end: number, floor: number): number {
  let at = end
  while (at > floor && /\s/.test(source[at - 1]!)) at--
  return at
}

function replaceYamlValue(source: string, doc: Document, pair: Pair<Scalar, Node | null>, value: unknown, valueEnd: number): Splice {
  const old = pair.value
  const appended = appendedItems(source, doc, old, value)
  if (appended) return appended
  const keyStart = pair.key.range![0]
  const keyColumn = keyStart - lineStart(source, keyStart)
  const colon = source.indexOf(':', pair.key.range![1])
  const inlineOld = !old?.range || !source.slice(colon, old.range[0]).includes('\n')
  const node = styledLike(doc, value, old)
  const block = (isSeq(node) || isMap(node)) && !node.flow && (node.items as unknown[]).length > 0
  const indentSeq = !(isSeq(old) && !old.flow && old.range && old.range[0] - lineStart(source, old.range[0]) === keyColumn)
  const padded = /^[[{] /.test(old?.range ? source.slice(old.range[0], old.range[0] + 2) : '[ ')
  const rendered = new Document(node, { schema: 'core' })
    .toString({ lineWidth: 0, indentSeq, flowCollectionPadding: padded })
    .replace(/\n$/, '')
  if (block) {
    const column = inlineOld ? keyColumn + (isSeq(node) && !indentSeq ? 0 : 2) : old!.range![0] - lineStart(source, old!.range![0])
    const text = indentAfterFirst(rendered, column)
    return inlineOld
      ? { from: colon + 1, to: valueEnd, text: `\n${' '.repeat(column)}${text}` }
      : { from: old!.range![0], to: valueEnd, text }
  }
  // A block scalar's lines, like any value continued on more lines, sit deeper than the key.
  const text = indentAfterFirst(rendered, keyColumn + 2)
  return old?.range && old.range[0] > colon ? { from: old.range[0], to: valueEnd, text } : { from: colon + 1, to: valueEnd, text: ` ${text}` }
}

/**
 * Items added at the end of a block sequence (a tag added) as new lines after its last item, in
 * its items' indentation: yaml's printer would write the whole sequence again, and its items'
 * comments with its own spacing (`- a24   # distributor` as `- a24 # distributor`).
 */
function appendedItems(source: string, doc: Document, old: Node | null | undefined, value: unknown): Splice | undefined {
  if (!isSeq(old) || old.flow || !Array.isArray(value)) return undefined
  const items = (old as YAMLSeq<Node>).items
  const last = items.at(-1)
  if (!last?.range || value.length <= items.length) return undefined
  if (!items.every((item, index) => isScalar(item) && isSameScalar(item.value, value[index]))) return undefined
  const prefix = source.slice(lineStart(source, last.range[0]), last.range[0])
  if (!/^ *- +$/.test(prefix)) return undefined
  const lines = value.slice(items.length).map((item) => prefix + new Document(styledLike(doc, item, undefined), { schema: 'core' }).toString({ lineWidth: 0 }).replace(/\n$/, ''))
  if (lines.some((line) => line.includes('\n'))) return undefined
  const at = lineEndAfter(source, last.range[1] - 1)
  const text = source[at - 1] === '\n' ? lines.map((line) => `${line}\n`).join('') : lines.map((line) => `\n${line}`).join('')
  return { from: at, to: at, text }
}

function indentAfterFirst(text: string, column: number): string {
  const pad = ' '.repeat(column)
  return text.replace(/\n(?=.)/g, `\n${pad}`)
}

/**
 * A node for `value` in the style of the node it replaces: the same quotes for a scalar (when they
 * can hold the new text), the same flow or block style for a collection, and the old item or pair
 * itself wherever its value is unchanged.
 */
function styledLike(doc: Document, value: unknown, old: Node | null | undefined): Node {
  if (isScalar(old) && isSameScalar(old.value, value)) return old
  const node = doc.createNode(value) as Node
  if (isScalar(node) && isScalar(old) && typeof value === 'string' && old.type && old.type !== Scalar.PLAIN) {
    node.type = old.type
  } else if (isScalar(node) && typeof value === 'string' && !readsBackAs(value)) {
    node.type = Scalar.QUOTE_DOUBLE
  }
  if (isSeq(node) && isSeq(old)) {
    node.flow = old.flow
    const pool = [...(old as YAMLSeq<Node>).items]
    node.items = (node as YAMLSeq<Node>).items.map((item) => {
      const index = pool.findIndex((candidate) => isScalar(candidate) && isScalar(item) && isSameScalar(candidate.value, item.value))
      return index === -1 ? styledLike(doc, isScalar(item) ? item.value : item, undefined) : pool.splice(index, 1)[0]!
    })
  }
  if (isMap(node) && isMap(old)) {
    node.flow = old.flow
    const oldMap = old as YAMLMap<Scalar, Node>
    for (const newPair of (node as YAMLMap<Scalar, Node>).items) {
      const oldPair = oldMap.items.find((item) => isScalar(item.key) && isScalar(newPair.key) && item.key.value === newPair.key.value)
      if (oldPair) {
        newPair.key = oldPair.key
        newPair.value = styledLike(doc, (newPair.value as Scalar | null)?.toJSON?.() ?? newPair.value, oldPair.value)
      }
    }
  }
  return node
}

/** `1917` written plain reads back as the number: the text of a title stays the same scalar. */
function isSameScalar(written: unknown, value: unknown): boolean {
  return written === value || (typeof value === 'string' && (typeof written === 'number' || typeof written === 'boolean') && String(written) === value)
}

function readsBackAs(value: string): boolean {
  try {
    return parseYaml(value, { schema: 'core' }) === value
  } catch {
    return false
  }
}

// ── TOML ───────────────────────────────────────────────────────────────────────────────────────

const TOML_HEADER = /^[ \t]*\[/m

function editToml(source: string, edits: readonly KeyEdit[]): string {
  const header = TOML_HEADER.exec(source)
  const topEnd = header ? header.index : source.length
  const splices: Splice[] = []
  let before = ''
  let tables = ''
  for (const { key, value } of edits) {
    const found = findTomlKey(source, key, topEnd)
    const isTable = value !== null && typeof value === 'object' && !Array.isArray(value)
    if (found) {
      splices.push(
        value === undefined
          ? { from: found.lineFrom, to: lineEndAfter(source, found.to), text: '' }
          : { from: found.from, to: found.to, text: tomlValue(value, source.slice(found.from, found.to)) },
      )
      continue
    }
    const table = findTomlTable(source, key)
    if (table) {
      splices.push({ from: table.from, to: table.to, text: value === undefined ? '' : stringifyToml({ [key]: value }) })
    } else if (value !== undefined && isTable) tables += `\n${stringifyToml({ [key]: value })}`
    else if (value !== undefined) before += `${tomlKey(key)} = ${tomlValue(value, '')}\n`
  }
  if (before) splices.push({ from: topEnd, to: topEnd, text: header ? before : (withFinalNewline(source) === source ? before : `\n${before}`) })
  return withFinalNewline(applySplices(source, splices)) + tables.replace(/^\n/, source.trim() ? '\n' : '')
}

const tomlKey = (key: string): string => (/^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key))

/** A top-level `key = value`: where its value starts and ends (a trailing comment stays out). */
function findTomlKey(source: string, key: string, topEnd: number): { lineFrom: number; from: number; to: number } | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`^([ \\t]*(?:${escaped}|"${escaped}"|'${escaped}')[ \\t]*=[ \\t]*)`, 'm').exec(source.slice(0, topEnd))
  if (!match) return undefined
  const from = match.index + match[1]!.length
  // The value ends on the first line after which `k = <value>` reads as TOML.
  for (let end = lineEndAfter(source, from); end <= topEnd; end = lineEndAfter(source, end)) {
    const valueText = withoutComment(source.slice(from, end).replace(/\n$/, ''))
    try {
      parseToml(`k = ${valueText}`)
      return { lineFrom: match.index, from, to: from + valueText.length }
    } catch {
      if (end >= topEnd) break
    }
  }
  return undefined
}

/** The text before a `#` comment that is outside strings, trailing spaces left out. */
function withoutComment(line: string): string {
  let quote: string | undefined
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!
    if (quote) {
      if (char === '\\' && quote === '"') index++
      else if (char === quote) quote = undefined
    } else if (char === '"' || char === "'") quote = char
    else if (char === '#') return line.slice(0, index).trimEnd()
  }
  return line.trimEnd()
}

function findTomlTable(source: string, key: string): { from: number; to: number } | undefined {
  const match = new RegExp(`^[ \\t]*\\[[ \\t]*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*\\][ \\t]*$`, 'm').exec(source)
  if (!match) return undefined
  const next = /^[ \t]*\[/m.exec(source.slice(match.index + match[0].length))
  return { from: match.index, to: next ? match.index + match[0].length + next.index : source.length }
}

/** A value as TOML text, in the style of the text it replaces: quotes, unquoted dates, array padding. */
function tomlValue(value: unknown, old: string): string {
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}/.test(old) && TOML_DATE.test(value)) return value
    if (old.startsWith("'") && !old.startsWith("'''") && !/['\n\r]/.test(value)) return `'${value}'`
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => tomlValue(item, /^\[\s*'/.test(old) ? "'" : ''))
    return /^\[ /.test(old) ? `[ ${items.join(', ')} ]` : `[${items.join(', ')}]`
  }
  return stringifyToml({ k: value }).replace(/^k = /, '').trimEnd()
}
const TOML_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?$/

// ── JSON ───────────────────────────────────────────────────────────────────────────────────────

/** A changed value is replaced where it stands, on one line where it was on one; keys are added and removed by `modify`. */
function editJson(source: string, edits: readonly KeyEdit[]): string {
  const indent = /\n([ \t]+)"/.exec(source)?.[1] ?? '  '
  const formattingOptions = { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: '\n' }
  let out = source
  for (const { key, value } of edits) {
    const tree = parseTree(out)
    const node = tree && findNodeAtLocation(tree, [key])
    if (node && value !== undefined) {
      const old = out.slice(node.offset, node.offset + node.length)
      const text = old.includes('\n') ? JSON.stringify(value, null, indent).replace(/\n/g, `\n${indent}`) : inlineJson(value)
      out = out.slice(0, node.offset) + text + out.slice(node.offset + node.length)
    } else out = applyEdits(out, modify(out, [key], value, { formattingOptions }))
  }
  return out
}

function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`).join(', ')}}`
  return JSON.stringify(value)
}

// ── Reading back ───────────────────────────────────────────────────────────────────────────────

function check(kind: FrontMatterKind, source: string, edits: readonly KeyEdit[]): void {
  const data = (kind === 'yaml' ? parseYaml(source, { schema: 'core' }) : kind === 'toml' ? parseToml(source) : JSON.parse(source)) as Record<string, unknown> | null
  for (const { key, value } of edits) {
    const found = data?.[key]
    if (JSON.stringify(normal(found)) !== JSON.stringify(normal(value))) {
      throw new Error(`Editing the front matter's "${key}" did not give the value meant; the file was not written.`)
    }
  }
}

/** Values as the check compares them: TOML dates as their text, numbers written as text equal to their text. */
function normal(value: unknown): unknown {
  if (value instanceof Date) return (value as Date & { toISOString(): string }).toISOString()
  if (Array.isArray(value)) return value.map(normal)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normal(item)]))
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return value
}
