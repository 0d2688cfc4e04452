import { mkdir, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../../src/main/services/library/library'
import { stateDirOf } from '../../support/machineState'

/**
 * A library in `<base>/library` holding one new review, `id`: `base` leaves room beside the
 * library for the folders an asset must never reach.
 */
export async function libraryWithOneReview(prefix: string): Promise<{ base: string; root: string; library: Library; id: string }> {
  const base = await mkdtemp(join(tmpdir(), `verdict-${prefix}-`))
  const root = join(base, 'library')
  await mkdir(root)
  const library = new Library({ root, stateDir: stateDirOf(root), defaultAuthor: () => 'x' })
  const { id } = await library.create('Title')
  return { base, root, library, id }
}
