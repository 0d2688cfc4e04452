type Props<T extends string> =
  /** Each key of the record, in its order, shown as its text. */
  | { labels: Readonly<Record<T, string>> }
  /** Each value in this order, shown as `label(value)` or as itself. */
  | { values: readonly T[]; label?: (value: T) => string }

/** A select's `<option>`s: the value each one chooses and the text it shows. */
export function Options<T extends string>(props: Props<T>) {
  const entries = 'labels' in props ? Object.entries<string>(props.labels) : props.values.map((value) => [value, props.label?.(value) ?? value])
  return entries.map(([value, text]) => (
    <option key={value} value={value}>
      {text}
    </option>
  ))
}

/** Whether a select's value (a plain string from the page) is one of the options it was given. */
export function isOption<T extends string>(offered: Props<T>, value: string): value is T {
  return 'labels' in offered ? Object.prototype.hasOwnProperty.call(offered.labels, value) : offered.values.some((each) => each === value)
}
