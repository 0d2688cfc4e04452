/**
 * Whether `value` is one of `members`, and so of their type: how a string from outside becomes one
 * of a list's literals (`FILTER_FIELDS`, `SUBJECT_KINDS` …) by a check rather than a cast.
 */
export function isOneOf<T extends string>(members: readonly T[], value: string): value is T {
  return members.some((member) => member === value)
}
