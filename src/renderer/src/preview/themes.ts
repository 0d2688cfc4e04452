import { useEffect, useState } from 'react'
import { api } from '@renderer/api'

/** The page's colours, in the preview and in exports alike. */
export const SCHEME_OPTIONS = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const

let themeList: Promise<string[]> | null = null

/** The installed blog themes (asked once per session; asked again after a failure). */
export function useThemes(): string[] {
  const [themes, setThemes] = useState<string[]>([])
  useEffect(() => {
    let live = true
    themeList ??= api.listThemes().catch((error: unknown) => {
      themeList = null
      throw error
    })
    themeList.then(
      (list) => live && setThemes(list),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return themes
}

/** The options of a theme select: the installed themes, plus the chosen one should it be missing. */
export function themeOptions(themes: string[], chosen: string): string[] {
  return themes.includes(chosen) ? themes : [chosen, ...themes]
}

export function themeLabel(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ')
}
