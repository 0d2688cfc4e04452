import { describe, expect, it } from 'vitest'
import { gitConflictOf } from '../../../src/main/services/conflicts/gitMarkers'

const FRONT = '---\ntitle: Dune\n---\n\n'

describe('git conflict markers', () => {
  it('splits a merge-style conflict into both sides, the shared text in each', () => {
    const text = `${FRONT}Opening.\n\n<<<<<<< HEAD\nThe desert is vast.\n=======\nThe desert is endless.\n>>>>>>> laptop\n\nClosing.\n`
    expect(gitConflictOf(text)).toEqual({
      ours: `${FRONT}Opening.\n\nThe desert is vast.\n\nClosing.\n`,
      theirs: `${FRONT}Opening.\n\nThe desert is endless.\n\nClosing.\n`,
      oursLabel: 'HEAD',
      theirsLabel: 'laptop',
    })
  })

  it('keeps the base of a diff3-style conflict, in front matter and body alike', () => {
    const text = [
      '---\n<<<<<<< HEAD\ntitle: Dune, part one\n||||||| merged common ancestors\ntitle: Dune\n=======\ntitle: Dune (2021)\n>>>>>>> 5f2c1e0\n---\n\n',
      'Text.\r\n<<<<<<< HEAD\r\nOurs.\r\n||||||| base\r\nBase.\r\n=======\r\nTheirs.\r\n>>>>>>> 5f2c1e0\r\n',
    ].join('')
    const conflict = gitConflictOf(text)
    expect(conflict?.ours).toBe('---\ntitle: Dune, part one\n---\n\nText.\r\nOurs.\r\n')
    expect(conflict?.base).toBe('---\ntitle: Dune\n---\n\nText.\r\nBase.\r\n')
    expect(conflict?.theirs).toBe('---\ntitle: Dune (2021)\n---\n\nText.\r\nTheirs.\r\n')
  })

  it('gives no base when only some hunks carry one', () => {
    const text = '<<<<<<< a\n1\n||||||| b\n0\n=======\n2\n>>>>>>> c\nx\n<<<<<<< a\n3\n=======\n4\n>>>>>>> c\n'
    expect(gitConflictOf(text)?.base).toBeUndefined()
  })

  it('reads look-alike text as text', () => {
    const lookalikes = [
      'A setext heading\n=======\n\nText.\n',
      'Quoting git: <<<<<<< HEAD is how it starts.\n',
      '<<<<<<<< eight\n=======\n>>>>>>> x\n',
      '<<<<<<< HEAD\nno end\n=======\nstill open\n',
      '<<<<<<< HEAD\n>>>>>>> x\n',
      '    <<<<<<< indented\n    =======\n    >>>>>>> code\n',
    ]
    for (const text of lookalikes) expect(gitConflictOf(text), text).toBeUndefined()
  })
})
