import { readFile } from 'node:fs/promises'
import { userInfo } from 'node:os'

/**
 * The OS user's full name, to suggest as the critic's name on first run; '' where there is none to
 * read without running a program. Linux keeps it in /etc/passwd's GECOS field (`os.userInfo()` gives
 * only the login); users from a directory service are not in that file, and get no suggestion.
 */
export async function osFullName(passwdFile = '/etc/passwd'): Promise<string> {
  if (process.platform !== 'linux') return ''
  try {
    const { uid, username } = userInfo()
    return fullNameFromPasswd(await readFile(passwdFile, 'utf8'), uid, username)
  } catch {
    return ''
  }
}

/** The first GECOS field of the user's line, unless it only repeats the login (`root:x:0:0:root:…`). */
export function fullNameFromPasswd(passwd: string, uid: number, username: string): string {
  for (const line of passwd.split('\n')) {
    const fields = line.split(':')
    if (fields.length < 7 || fields[2] !== String(uid)) continue
    const name = (fields[4] ?? '').split(',')[0]!.trim().slice(0, 200)
    return name.toLowerCase() === username.toLowerCase() ? '' : name
  }
  return ''
}
