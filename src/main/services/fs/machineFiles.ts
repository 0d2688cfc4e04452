/**
 * What several machines share through a synced library is never one file that each of them
 * rewrites: the sync engine would keep one machine's version and turn the other's into a conflict
 * copy. Instead each machine writes only its own `<folder>/<machine id>.json` (atomically), and
 * every machine reads all of them and merges. Other names in the folder (a sync engine's temp files
 * or conflict copies, our own temp files) are not read.
 */
import { readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { z } from 'zod'
import { describeIoError, isErrnoCode } from '../errors'
import { plainFolder } from '../recovery/privateDir'
import { readJsonFile, writeJsonFile } from './jsonFile'

const MACHINE_FILE = /^([a-z0-9]{12})\.json$/

export interface MachineFile<T> {
  machine: string
  value: T
}

/** Every machine's file in `dir` that matches `schema` (a damaged one is told to `onInvalid` and left as it is); none when `dir` is missing. */
export async function readMachineFiles<T>(dir: string, schema: z.ZodType<T>, what: string, onInvalid?: (path: string) => void): Promise<MachineFile<T>[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT', 'ENOTDIR')) return []
    throw describeIoError(error, `read ${what}`)
  }
  const files: MachineFile<T>[] = []
  for (const name of names.sort()) {
    const machine = MACHINE_FILE.exec(name)?.[1]
    if (!machine) continue
    const path = join(dir, name)
    const value = await readJsonFile(path, schema, what, () => onInvalid?.(path))
    if (value !== undefined) files.push({ machine, value })
  }
  return files
}

/** One machine's file in `dir`: undefined when it is missing or does not match `schema`. */
export function readMachineFile<T>(dir: string, machine: string, schema: z.ZodType<T>, what: string): Promise<T | undefined> {
  return readJsonFile(join(dir, `${machine}.json`), schema, what)
}

/** Replaces this machine's file in `dir` (created, as a plain folder, when missing). */
export async function writeMachineFile(dir: string, machine: string, value: unknown, what: string): Promise<void> {
  await plainFolder(dirname(dir), basename(dir))
  await writeJsonFile(join(dir, `${machine}.json`), value, what)
}
