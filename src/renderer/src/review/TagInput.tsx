import { useId, useState, type KeyboardEvent } from 'react'
import { Icon } from '@renderer/components/Icon'

interface Props {
  label: string
  tags: string[]
  onChange: (tags: string[]) => void
}

/** Tags as removable chips; typing a comma or Enter (or leaving the field) adds what was typed. */
export function TagInput({ label, tags, onChange }: Props) {
  const id = useId()
  const [draft, setDraft] = useState('')

  const add = (text: string) => {
    const fresh = text
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag && !tags.includes(tag))
    if (fresh.length) onChange([...tags, ...new Set(fresh)])
  }

  const onInput = (value: string) => {
    const cut = value.lastIndexOf(',')
    if (cut !== -1) add(value.slice(0, cut))
    setDraft(value.slice(cut + 1))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      add(draft)
      setDraft('')
    } else if (event.key === 'Backspace' && draft === '' && tags.length) {
      onChange(tags.slice(0, -1))
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="chip-input">
        {tags.length > 0 && (
          <ul className="chips" aria-label="Tag list">
            {tags.map((tag) => (
              <li key={tag} className="chip">
                {tag}
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => onChange(tags.filter((other) => other !== tag))}
                >
                  <Icon name="close" size={12} />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          value={draft}
          maxLength={100}
          placeholder={tags.length ? 'Add a tag' : 'e.g. film, drama'}
          onChange={(event) => onInput(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            add(draft)
            setDraft('')
          }}
        />
      </div>
      <p className="field-hint">Separate tags with commas.</p>
    </div>
  )
}
