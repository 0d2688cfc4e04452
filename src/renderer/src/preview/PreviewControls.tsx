import { useId } from 'react'
import type { ColorScheme } from '@shared/contract'
import type { BlogView } from '@shared/publish'
import { Icon } from '@renderer/components/Icon'
import { Options } from '@renderer/components/Options'
import { AS_ON_PREFIX, type AsOnChoice } from './lookChoice'
import { Segmented } from './Segmented'
import { SCHEME_OPTIONS, themeLabel, themeOptions, useThemes } from './themes'
import type { PreviewWidth } from './usePreviewChoices'

const WIDTH_OPTIONS = [
  { value: 'desktop', label: 'Desktop' },
  { value: 'tablet', label: 'Tablet' },
  { value: 'phone', label: 'Phone' },
] as const

interface Props {
  /** The settings' theme, null until they are read. */
  theme: string | null
  look: { blogs: BlogView[]; asOn: AsOnChoice | null }
  width: PreviewWidth
  colorScheme: ColorScheme
  chooseTheme: (next: string) => void
  chooseWidth: (next: PreviewWidth) => void
  chooseScheme: (next: ColorScheme) => void
  /** The page is being written for the browser. */
  opening: boolean
  openInBrowser: () => void
}

/** The preview pane's bar: the theme or a blog's look, the device width, light or dark, and Open in browser. */
export function PreviewControls({ theme, look, width, colorScheme, chooseTheme, chooseWidth, chooseScheme, opening, openInBrowser }: Props) {
  const themes = useThemes()
  const themeId = useId()
  return (
    <div className="pane-bar preview-controls">
      <div className="preview-field">
        <label htmlFor={themeId}>Theme</label>
        <select id={themeId} value={look.asOn ? `${AS_ON_PREFIX}${look.asOn.blogId}` : (theme ?? '')} disabled={!theme} onChange={(event) => chooseTheme(event.target.value)}>
          {theme && <Options values={themeOptions(themes, theme)} label={themeLabel} />}
          {look.blogs.length > 0 && (
            <optgroup label="Your blogs">
              {look.blogs.map((blog) => (
                <option key={blog.id} value={`${AS_ON_PREFIX}${blog.id}`}>
                  As on {blog.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <Segmented label="Width" value={width} options={WIDTH_OPTIONS} onChange={chooseWidth} />
      <Segmented label="Colours" value={colorScheme} options={SCHEME_OPTIONS} onChange={chooseScheme} disabled={look.asOn !== null} />
      <button type="button" className="button preview-open" disabled={!theme || opening} onClick={openInBrowser}>
        <Icon name="open" size={16} /> Open in browser
      </button>
    </div>
  )
}
