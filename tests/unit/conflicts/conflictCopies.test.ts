import { describe, expect, it } from 'vitest'
import { conflictCopiesOf, conflictCopyOf, looksLikeCopy } from '../../../src/main/services/conflicts/conflictCopies'

/** What `name` is a copy of in a folder holding `review.md`, the poster and the name itself. */
const copyOf = (name: string, ...others: string[]) => conflictCopyOf(name, new Set(['review.md', 'poster.jpg', 'still.webp', name, ...others]))

describe('conflict copy names', () => {
  it('Syncthing: date, time and the winning device’s short id before the extension', () => {
    expect(copyOf('review.sync-conflict-20261206-062523-EF4V22U.md')).toEqual({
      name: 'review.sync-conflict-20261206-062523-EF4V22U.md',
      original: 'review.md',
      engine: 'syncthing',
      byName: true,
    })
    expect(copyOf('poster.sync-conflict-20261206-101010-AB2CD7Q.jpg')?.original).toBe('poster.jpg')
    // A name without an extension keeps the marker at its end.
    expect(copyOf('notes.sync-conflict-20261206-101010-AB2CD7Q')?.original).toBe('notes')
    // The original may be gone already: the copy is still the other machine's version.
    expect(conflictCopyOf('review.sync-conflict-20261206-062523-EF4V22U.md', new Set())?.original).toBe('review.md')
  })

  it('Dropbox: "conflicted copy" with or without the person’s name, and a second one the same day', () => {
    expect(copyOf('review (conflicted copy 2026-12-06).md')).toMatchObject({ original: 'review.md', engine: 'dropbox' })
    expect(copyOf("review (Ann's conflicted copy 2026-12-06).md")).toMatchObject({ original: 'review.md', engine: 'dropbox' })
    expect(copyOf('review (Jean-Luc Picard’s conflicted copy 2026-12-06).md')?.engine).toBe('dropbox')
    expect(copyOf("review (Ann's conflicted copy 2026-12-06 (1)).md")?.original).toBe('review.md')
    expect(copyOf("poster (Ann's conflicted copy 2026-12-06).jpg")).toMatchObject({ original: 'poster.jpg', engine: 'dropbox' })
  })

  it('Nextcloud and ownCloud: "conflicted copy" with the date and the time', () => {
    expect(copyOf('review (conflicted copy 2026-12-06 101010).md')).toMatchObject({ original: 'review.md', engine: 'nextcloud' })
    expect(copyOf('still (conflicted copy 2026-12-06 235959).webp')).toMatchObject({ original: 'still.webp', engine: 'nextcloud' })
  })

  it('OneDrive: the computer’s name after a hyphen, when the original is beside it', () => {
    expect(copyOf('review-DESKTOP-7QK1P2M.md')).toMatchObject({ original: 'review.md', engine: 'onedrive' })
    expect(copyOf('review-LAPTOP.md')).toMatchObject({ original: 'review.md', engine: 'onedrive' })
    expect(copyOf('poster-DESKTOP-7QK1P2M.jpg')).toMatchObject({ original: 'poster.jpg', engine: 'onedrive' })
    // A name people give files too: a review's copy must also read like the original (looksLikeCopy).
    expect(copyOf('chapter-II.md', 'chapter.md')).toMatchObject({ original: 'chapter.md', engine: 'onedrive', byName: false })
  })

  it('iCloud: a number after a space, when the original is beside it', () => {
    expect(copyOf('review 2.md')).toMatchObject({ original: 'review.md', engine: 'icloud' })
    expect(copyOf('review 13.md')?.engine).toBe('icloud')
    expect(copyOf('poster 2.jpg')).toMatchObject({ original: 'poster.jpg', engine: 'icloud', byName: false })
  })

  it('names that merely look alike are not copies', () => {
    const lookalikes = [
      'review.md',
      'review-2.md', // digits alone are no computer name
      'review-draft.md', // a computer name is upper case
      'review-DESKTOP-.md',
      'review-THIS-NAME-IS-TOO-LONG.md',
      'notes-DESKTOP-7QK1P2M.md', // no notes.md beside it
      'review 1.md',
      'review 02.md',
      'review2.md',
      'draft 2.md', // no draft.md beside it
      'review.sync-conflict-2026126-062523-EF4V22U.md', // seven-digit date
      'review.sync-conflict-20261206-062523-ef4v22u.md', // device ids are upper-case base32
      'review.sync-conflict-20261206-062523-EF4V18U.md', // 1 and 8 are not base32
      'review (copy 2026-12-06).md',
      'review (conflicted copy).md',
      'review (conflicted copy 2026-12-06 1010).md',
      'review (Ann’s copy 2026-12-06).md',
      'a-photo-of-the-cast.jpg',
      'poster-2x.jpg',
    ]
    for (const name of lookalikes) expect(copyOf(name), name).toBeUndefined()
  })

  it('lists the copies of one file among a folder’s names, and no other file’s', () => {
    const names = [
      'review.md',
      'assets',
      'review.sync-conflict-20261207-080000-AB2CD7Q.md',
      'review (conflicted copy 2026-12-06).md',
      'poster.jpg',
      'poster 2.jpg',
      '.name-follows-title',
    ]
    expect(conflictCopiesOf('review.md', names).map((copy) => copy.name)).toEqual([
      'review (conflicted copy 2026-12-06).md',
      'review.sync-conflict-20261207-080000-AB2CD7Q.md',
    ])
    expect(conflictCopiesOf('poster.jpg', names).map((copy) => copy.engine)).toEqual(['icloud'])
  })
})

describe('a review under an iCloud or OneDrive name reads like a copy', () => {
  const post = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2024-01-05\n---\n\n${body}\n`
  const review = post('Part', 'The first half of the festival: three films, one of them great.')

  it('when its front matter has the same title (YAML, TOML or JSON), whatever its text', () => {
    expect(looksLikeCopy(post('Part', 'Rewritten on the laptop from the first word.'), review)).toBe(true)
    expect(looksLikeCopy('+++\ntitle = "Part"\n+++\nOther words.', review)).toBe(true)
    expect(looksLikeCopy('{\n  "title": "Part",\n  "draft": true\n}\nOther words.', review)).toBe(true)
  })

  it('when it starts as the original does for at least half of the shorter (a retitled copy, a file without front matter)', () => {
    expect(looksLikeCopy(review.replace('title: Part', 'title: Part One').replace('great.', 'great, and one a bore.'), review)).toBe(false)
    expect(looksLikeCopy(`${review}\nA line the laptop added.\n`, review)).toBe(true)
    expect(looksLikeCopy('Notes without front matter, kept as they were', 'Notes without front matter, kept as they were and more')).toBe(true)
  })

  it('not when it is another post that shares the name’s stem', () => {
    expect(looksLikeCopy(post('Part 2', 'The second half of the festival.'), review)).toBe(false)
    expect(looksLikeCopy('Notes without front matter', 'Other notes')).toBe(false)
    expect(looksLikeCopy('', review)).toBe(false)
  })
})
