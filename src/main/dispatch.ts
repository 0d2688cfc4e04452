import { ZodError, type z } from 'zod'
import { VerdictError, type Channel, type Envelope, type Handlers, type Result } from '../shared/contract'
import { argumentParser } from '../shared/channels'
import { DOCUMENT_SCHEMAS } from './blocks'

const parseArgs = argumentParser(DOCUMENT_SCHEMAS)

export interface Log {
  error(message: string, detail?: unknown): void
}

/**
 * Validates a payload, runs the channel's handler and wraps the outcome in an envelope.
 * Shared by the Electron IPC binding and the e2e test host so both behave identically.
 */
export async function dispatch<C extends Channel>(handlers: Handlers, channel: C, raw: unknown, log: Log): Promise<Envelope<Result<C>>> {
  try {
    return { ok: true, value: await handlers[channel](parseArgs(channel, raw)) }
  } catch (error) {
    if (error instanceof VerdictError) {
      log.error(`${channel}: ${error.code}: ${error.message}`)
      return { ok: false, error: { code: error.code, message: error.message } }
    }
    if (error instanceof ZodError) {
      const message = `Invalid request to ${channel}: ${error.issues.map(describeIssue).join('; ')}`
      log.error(message)
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message } }
    }
    log.error(`${channel} failed unexpectedly`, error)
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong: ${message}` } }
  }
}

/**
 * An issue as `path: message`. Where no option of a union fits (a delta's item, a list item's
 * content), the issue of the option that fit furthest, the one whose problem lies deepest, says
 * what is wrong; zod's own message there is "Invalid input".
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  let path = issue.path
  let found = issue
  while (found.code === 'invalid_union') {
    const deepest = found.errors.flatMap((option) => option.slice(0, 1)).sort((a, b) => b.path.length - a.path.length)[0]
    if (!deepest) break
    path = [...path, ...deepest.path]
    found = deepest
  }
  return `${path.join('.') || 'argument'}: ${found.message}`
}
