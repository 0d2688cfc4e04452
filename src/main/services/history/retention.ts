/**
 * Which versions history keeps, as a pure function of their times and the clock:
 * - everything from the last day (and anything dated in the future: a clock that went backwards);
 * - older than a day, up to a week: the newest version of each clock hour (UTC);
 * - older than a week, up to 30 days: the newest version of each day (UTC);
 * - older than 30 days: none (the review file itself is always the newest text).
 */
export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS
export const WEEK_MS = 7 * DAY_MS
export const MONTH_MS = 30 * DAY_MS

export interface Dated {
  versionId: string
  /** Milliseconds since the epoch. */
  at: number
}

export function versionsToKeep(versions: readonly Dated[], now: number): Set<string> {
  const keep = new Set<string>()
  const newestOfBucket = new Map<string, Dated>()
  for (const version of versions) {
    const age = now - version.at
    if (age < DAY_MS) {
      keep.add(version.versionId)
      continue
    }
    if (age >= MONTH_MS) continue
    const bucket = age < WEEK_MS ? `h${Math.floor(version.at / HOUR_MS)}` : `d${Math.floor(version.at / DAY_MS)}`
    const held = newestOfBucket.get(bucket)
    if (!held || version.at > held.at || (version.at === held.at && version.versionId > held.versionId)) {
      newestOfBucket.set(bucket, version)
    }
  }
  for (const version of newestOfBucket.values()) keep.add(version.versionId)
  return keep
}
