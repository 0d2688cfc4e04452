/**
 * Where exports go when the settings name no folder: “Verdict Exports” beside the library folder —
 * for the default library (`<Documents>/Verdict`) that is `<Documents>/Verdict Exports`, the
 * documented default. The renderer only sees paths as text, so this splits on either separator.
 */
export function defaultExportDir(libraryPath: string): string {
  const windows = /^[A-Za-z]:[\\/]|^\\\\/.test(libraryPath)
  const separator = windows ? '\\' : '/'
  const trimmed = libraryPath.replace(/[\\/]+$/, '')
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'))
  const parent = cut > 0 ? trimmed.slice(0, cut) : cut === 0 ? separator : trimmed
  return `${parent.endsWith(separator) ? parent : parent + separator}Verdict Exports`
}
