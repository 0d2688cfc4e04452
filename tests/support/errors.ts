/** What a promise rejected with, asserted to be the app's own error (its code and message are what the critic sees). */
import { expect } from 'vitest'
import { VerdictError } from '../../src/shared/contract'

export async function rejection(promise: Promise<unknown>): Promise<VerdictError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(VerdictError)
  return error as VerdictError
}
