import { VerdictError, type ErrorCode } from '../../shared/contract'

export function fail(code: ErrorCode, message: string): never {
  throw new VerdictError(code, message)
}

export function isErrnoCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes((error as NodeJS.ErrnoException).code ?? '')
}

/** Turns a file-system failure into a sentence a writer can act on. */
export function describeIoError(error: unknown, what: string): VerdictError {
  const code = (error as NodeJS.ErrnoException).code
  const reason =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied (is the folder read-only?)'
    : code === 'EROFS' ? 'the disk is read-only'
    : code === 'EBUSY' ? 'the file is locked by another program'
    : code === 'ENOENT' ? 'the file or folder no longer exists'
    : error instanceof Error ? error.message
    : String(error)
  return new VerdictError('IO', `Could not ${what}: ${reason}.`)
}
