import type { IncomingMessage } from 'node:http'

/** Image uploads travel base64-encoded in JSON: room for the largest image settings allow, and its encoding. */
export const UPLOAD_BODY_LIMIT = 32 * 1024 * 1024
export const BODY_LIMIT = 4 * 1024 * 1024

/** A request the server refuses with a 4xx and this message (never a 500 with an empty body). */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'RequestError'
  }
}

/**
 * Reads a JSON body, counting bytes as they arrive: a body over `limit` is refused as soon as it
 * says so (Content-Length) or grows past it, never buffered whole.
 */
export async function readJsonBody(req: IncomingMessage, limit: number, reviver?: (key: string, value: unknown) => unknown): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json') throw new RequestError(415, `Send JSON (Content-Type: application/json), not “${type || 'nothing'}”.`)
  const tooLarge = new RequestError(413, `The request is larger than the ${limit / 1024 / 1024} MB this server accepts.`)
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw tooLarge
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text, reviver)
  } catch (error) {
    throw new RequestError(400, `The request is not valid JSON: ${(error as Error).message}`)
  }
}
