import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describeIoError, fail, isErrnoCode } from '../errors'

/** Creates `<parent>/<base>` (or `base-2`, `base-3`, …) exclusively, so nothing existing is ever written into; returns the name. */
export async function claimFolder(parent: string, base: string, what: string): Promise<string> {
  for (let n = 1; n < 10_000; n++) {
    const name = n === 1 ? base : `${base}-${n}`
    try {
      await mkdir(join(parent, name))
      return name
    } catch (error) {
      if (isErrnoCode(error, 'EEXIST')) continue
      throw describeIoError(error, what)
    }
  }
  fail('ALREADY_EXISTS', `No free folder name for “${base}”.`)
}
