import { useEffect, useState } from 'react'
import type { ColorScheme } from '@shared/contract'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'
import { AS_ON_PREFIX, useLookChoice } from './lookChoice'

export type PreviewWidth = 'desktop' | 'tablet' | 'phone'

/** The viewport widths the page is laid out at (CSS px), then scaled to fit the pane. */
export const PREVIEW_WIDTHS: Record<PreviewWidth, number> = { desktop: 1200, tablet: 820, phone: 390 }

// Remembered while the app runs, so the pane reopens as it was left.
let lastWidth: PreviewWidth = 'desktop'
let lastScheme: ColorScheme = 'light'

interface Options {
  /** Hands the pane's width kept in the settings to the splitter, once they are read. */
  restorePaneWidth: (stored: number) => void
  notify: (text: string) => void
}

/**
 * What the page is previewed in: a theme (the settings' one, shared with exports) or a blog's own
 * look, a device width and light or dark.
 */
export function usePreviewChoices({ restorePaneWidth, notify }: Options) {
  const [theme, setTheme] = useState<string | null>(null)
  const [width, setWidth] = useState<PreviewWidth>(lastWidth)
  const [colorScheme, setColorScheme] = useState<ColorScheme>(lastScheme)
  const look = useLookChoice()

  useEffect(() => {
    api.getSettings().then(
      (settings) => {
        setTheme(settings.theme)
        restorePaneWidth(settings.previewPaneWidth)
      },
      () => setTheme('classic'),
    )
    // Once, when the pane opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const chooseTheme = (next: string) => {
    // A blog's own look is for the preview only: the theme stays for exports.
    look.choose(next.startsWith(AS_ON_PREFIX) ? next.slice(AS_ON_PREFIX.length) : null)
    if (next.startsWith(AS_ON_PREFIX)) return
    setTheme(next)
    // The theme is the one for preview and export alike: remembered in the settings.
    api.updateSettings({ theme: next }).catch((failure: unknown) => notify(`The theme could not be remembered: ${errorMessage(failure)}`))
  }
  const chooseWidth = (next: PreviewWidth) => {
    lastWidth = next
    setWidth(next)
  }
  const chooseScheme = (next: ColorScheme) => {
    lastScheme = next
    setColorScheme(next)
  }

  return { theme, width, colorScheme, look, chooseTheme, chooseWidth, chooseScheme }
}
