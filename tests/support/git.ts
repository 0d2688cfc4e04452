/** git in a test's folder, as a critic's own repository: a fixed author, line endings as written. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export async function git(root: string, ...args: string[]): Promise<string> {
  return (await run('git', ['-c', 'user.name=Critic', '-c', 'user.email=critic@example.org', '-c', 'core.autocrlf=false', ...args], { cwd: root })).stdout
}
