import { describe, expect, it } from 'vitest'
import { fullNameFromPasswd, osFullName } from '../../../src/main/services/settings/fullName'

const PASSWD = ['root:x:0:0:root:/root:/bin/bash', 'ana:x:1000:1000:Ana Critic,,,:/home/ana:/bin/bash', 'bo:x:1001:1001::/home/bo:/bin/sh', ''].join('\n')

describe('the OS user’s full name', () => {
  it('is the first GECOS field of the user’s line', () => {
    expect(fullNameFromPasswd(PASSWD, 1000, 'ana')).toBe('Ana Critic')
  })

  it('is empty when the line has none, only repeats the login, or is missing', () => {
    expect(fullNameFromPasswd(PASSWD, 1001, 'bo')).toBe('')
    expect(fullNameFromPasswd(PASSWD, 0, 'root')).toBe('')
    expect(fullNameFromPasswd(PASSWD, 4242, 'nobody')).toBe('')
    expect(fullNameFromPasswd('not a passwd file', 1000, 'ana')).toBe('')
  })

  it('is empty, without an error, when the file cannot be read', async () => {
    await expect(osFullName('/nonexistent/passwd')).resolves.toBe('')
  })
})
