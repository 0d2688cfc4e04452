import { ZodError } from 'zod'
import { VerdictError, type Channel, type Envelope, type Handlers, type Result } from '../shared/contract'
import { parseArgs } from '../shared/channels'

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
      const message = `Invalid request to ${channel}: ${error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ')}`
      log.error(message)
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message } }
    }
    log.error(`${channel} failed unexpectedly`, error)
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong: ${message}` } }
  }
}
