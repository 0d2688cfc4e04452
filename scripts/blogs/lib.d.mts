export const BLOGS_DIR: string
export const CACHE_DIR: string
export function logPath(name: string): string
export function freePort(): Promise<number>
export function startDetached(name: string, command: string, args: string[], options?: { cwd?: string; env?: Record<string, string> }): number
export function stopGroup(name: string): Promise<void>
export function waitHealthy(
  name: string,
  url: string,
  options?: { timeoutMs?: number; accept?: (status: number) => boolean; init?: RequestInit },
): Promise<void>
export function writeState(name: string, state: Record<string, unknown>): void
export function readState<T = Record<string, unknown>>(name: string): T
export function clearState(name: string): void
export function sleep(ms: number): Promise<void>
export function serverCli(name: string, handlers: { start(): Promise<void>; stop(): Promise<void> }): Promise<void>
