import { describe, expect, it } from 'vitest'
import { MINUTE, workbench } from '../../support/workbench'

// Saves of one review are queued one after another, but other operations move history folders
// too: restoring a trashed review takes the versions its old name kept before the trash, and
// renames and trashing take a review's versions along. None of them may lose a version a save keeps.
describe('history while other operations move versions', () => {
  it('keeps every due version of a review while a trashed review of the same name is restored', async () => {
    for (let round = 0; round < 3; round++) {
      const w = await workbench('history-race')
      const { id } = await w.library.create('Heat')
      await w.saveText(id, 'The first Heat')
      w.clock.ms += 10 * MINUTE
      await w.writes.snapshot(id, 'manual')
      w.clock.ms += MINUTE
      // As earlier versions of Verdict trashed: the folder moved, the versions stayed under the name.
      const { trashId } = await w.library.trash(id)
      w.clock.ms += MINUTE
      await w.library.create('Heat')
      await w.saveText(id, 'The second Heat')
      w.clock.ms += 10 * MINUTE
      // The save keeps "The second Heat" as a version while the restore moves the old versions away.
      const [restored] = await Promise.all([w.writes.untrash(trashId), w.saveText(id, 'The third Heat'), w.history.list(id)])
      expect(w.logged).toEqual([])
      const { versions } = await w.history.list(id)
      expect(versions).toHaveLength(1)
      expect((await w.history.read(id, versions[0]!.versionId)).markdown).toContain('The second Heat')
      expect((await w.history.list(restored.id)).versions).toHaveLength(2)
    }
  })

  // The app asks for versions through the writes queue (writes.snapshot), which a rename or trash of
  // the same review waits on: asked for first, the version is kept, then moves with the review.
  it('a version asked for as the review is renamed or trashed goes with it', async () => {
    const w = await workbench('history-race')
    const { id } = await w.library.create('Heat')
    await w.saveText(id, 'The first Heat')
    w.clock.ms += 10 * MINUTE
    const [kept, renamed] = await Promise.all([w.writes.snapshot(id, 'manual'), w.writes.rename(id, 'Heat (1995)')])
    expect((await w.history.list(renamed.id)).versions.map((v) => v.versionId)).toContain(kept.versionId)
    w.clock.ms += 10 * MINUTE
    const [second, { trashId }] = await Promise.all([w.writes.snapshot(renamed.id, 'manual'), w.writes.trash(renamed.id)])
    const back = await w.writes.untrash(trashId)
    expect((await w.history.list(back.id)).versions.map((v) => v.versionId)).toEqual(expect.arrayContaining([kept.versionId, second.versionId]))
    expect(w.logged).toEqual([])
  })
})
