/** Small JSON files the app keeps for itself (blogs, outbox): read against a schema, written atomically. */
import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { describeIoError, isErrnoCode } from '../errors'
import { writeFileAtomic } from './atomicWrite'

/**
 * The file's content, or undefined when it does not exist or does not match `schema` (`onInvalid`
 * hears of the latter: a damaged file is left as it is, never guessed at). `what` completes
 * "Could not read …".
 */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>, what: string, onInvalid?: () => void): Promise<T | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return undefined
    throw describeIoError(error, `read ${what}`)
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = undefined
  }
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  onInvalid?.()
  return undefined
}

export async function writeJsonFile(path: string, value: unknown, what: string): Promise<void> {
  try {
    await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`)
  } catch (error) {
    throw describeIoError(error, `save ${what}`)
  }
}
