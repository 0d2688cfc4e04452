/**
 * Markdown built to be slow to parse or deep enough to overflow a recursive walk: the shapes
 * measured against Verdict (issue 12) and cmark's pathological cases. Generated, never stored.
 */
import { MARKDOWN_LIMITS } from '../../../src/main/services/format/limits'

export const HOSTILE_BODIES: Record<string, string> = {
  /** 20 KB; froze every request for 88 s. */
  'nested bullets × 10,000': `${'- '.repeat(10_000)}x`,
  /** Overflowed the stack. */
  'nested quotes × 10,000': `${'>'.repeat(10_000)} x`,
  /** 19 s to open, 20 s to preview, then a stack overflow. */
  'quote and bullet × 5,000': `${'> - '.repeat(5_000)}x`,
  /** A 1.9 MB line: 23 s. */
  'open brackets, 1.9 MB line': '[a'.repeat(950_000),
  'indented list 1,000 deep': Array.from({ length: 1_000 }, (_, depth) => `${'  '.repeat(depth)}- x`).join('\n'),
  'container directives 1,000 deep': `${':::note\n'.repeat(1_000)}x\n${':::\n'.repeat(1_000)}`,
  'emphasis openers and closers': '*a **a '.repeat(5_000) + 'b' + ' a** a*'.repeat(5_000),
  'unmatched link closers': 'a]'.repeat(50_000),
  'backtick runs of every length': Array.from({ length: 2_000 }, (_, length) => `e${'`'.repeat(length + 1)}`).join(''),
  'a table of 5,000 columns': `${'|a'.repeat(5_000)}|\n${'|-'.repeat(5_000)}|\n${'|a'.repeat(5_000)}|`,
}

/** Deep but within the limits: parsed as usual. */
export const DEEPEST_LIST = `${'- '.repeat(MARKDOWN_LIMITS.depth)}x`

/**
 * Within every limit, but about as slow as ordinary Markdown gets: a tight list of ~1.6 MB whose
 * items cycle through 32 depths. Takes tens of seconds to parse.
 */
export const SLOW_WITHIN_LIMITS = Array.from({ length: 45_000 }, (_, line) => `${'  '.repeat(line % 32)}- item`).join('\n')
