import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS, MONTH_MS, versionsToKeep, WEEK_MS } from '../../../src/main/services/history/retention'
import { versionStamp } from '../../../src/main/services/history/history'

const NOW = Date.parse('2026-11-25T12:00:00Z')
const v = (at: number) => ({ versionId: `${versionStamp(new Date(at))}-00000000`, at })

describe('versionsToKeep', () => {
  it('keeps every version of the last day, and future-dated ones', () => {
    const versions = [v(NOW), v(NOW - 1), v(NOW - 5 * 60_000), v(NOW - DAY_MS + 1), v(NOW + HOUR_MS)]
    expect(versionsToKeep(versions, NOW)).toEqual(new Set(versions.map((x) => x.versionId)))
  })

  it('keeps the newest of each hour between a day and a week old', () => {
    const hour = Math.floor((NOW - 2 * DAY_MS) / HOUR_MS) * HOUR_MS
    const inHour = [v(hour + 1000), v(hour + 20 * 60_000), v(hour + 59 * 60_000)]
    const nextHour = [v(hour + HOUR_MS + 5), v(hour + HOUR_MS + 10)]
    const keep = versionsToKeep([...inHour, ...nextHour], NOW)
    expect(keep).toEqual(new Set([inHour[2]!.versionId, nextHour[1]!.versionId]))
  })

  it('keeps the newest of each day between a week and 30 days old, and nothing older', () => {
    const day = Math.floor((NOW - 10 * DAY_MS) / DAY_MS) * DAY_MS
    const sameDay = [v(day + HOUR_MS), v(day + 5 * HOUR_MS), v(day + 23 * HOUR_MS)]
    const old = [v(NOW - MONTH_MS), v(NOW - 400 * DAY_MS)]
    expect(versionsToKeep([...sameDay, ...old], NOW)).toEqual(new Set([sameDay[2]!.versionId]))
  })

  it('is a thinning: kept versions are kept again later, and the count is bounded', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -2 * HOUR_MS, max: 40 * DAY_MS }), { maxLength: 300 }), fc.integer({ min: 0, max: 3 * WEEK_MS }), (ages, later) => {
        const versions = [...new Map(ages.map((age) => [NOW - age, v(NOW - age)])).values()]
        const keep = versionsToKeep(versions, NOW)
        for (const version of versions) {
          const age = NOW - version.at
          if (age < DAY_MS) expect(keep.has(version.versionId)).toBe(true)
          if (age >= MONTH_MS) expect(keep.has(version.versionId)).toBe(false)
        }
        const kept = versions.filter((x) => keep.has(x.versionId))
        // Stable: thinning what was kept keeps it all; thinning it later keeps whatever the rules still allow.
        expect(versionsToKeep(kept, NOW)).toEqual(keep)
        const later_ = versionsToKeep(kept, NOW + later)
        for (const version of kept) if (NOW + later - version.at < DAY_MS) expect(later_.has(version.versionId)).toBe(true)
        const olderThanADay = [...keep].filter((id) => NOW - versions.find((x) => x.versionId === id)!.at >= DAY_MS)
        expect(olderThanADay.length).toBeLessThanOrEqual(6 * 24 + 1 + 23 + 1)
      }),
      { numRuns: 200 },
    )
  })
})
