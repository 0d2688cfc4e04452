import { useState } from 'react'
import type { ColorScheme } from '@shared/contract'
import type { EditorDocument } from '@shared/document'
import type { ReviewMeta } from '@shared/model'
import { api } from '@renderer/api'
import { errorMessage } from '@renderer/lib/errorMessage'
import type { LatestDocument } from './latestDocument'

interface Options {
  id: string
  meta: ReviewMeta
  doc: LatestDocument
  theme: string | null
  colorScheme: ColorScheme
  notify: (text: string) => void
}

/** Open in browser: the page of the editor's newest state written out and shown in the critic's browser. */
export function useOpenInBrowser({ id, meta, doc, theme, colorScheme, notify }: Options) {
  const [opening, setOpening] = useState(false)
  const openInBrowser = async () => {
    if (!theme) return
    setOpening(true)
    try {
      const { path } = await api.openInBrowser({ id, meta, doc: doc.current.toJSON() as EditorDocument, theme, colorScheme })
      notify(`Opened in your browser: ${path}`)
    } catch (failure) {
      notify(`The page could not be opened: ${errorMessage(failure)}`)
    } finally {
      setOpening(false)
    }
  }
  return { opening, openInBrowser }
}
