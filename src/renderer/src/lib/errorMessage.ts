/** What to show the user for a failed call: VerdictError messages are written for people. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
