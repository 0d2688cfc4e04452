/**
 * CPU profiles (the DevTools protocol's `Profiler` domain, in Chromium for the renderer and in
 * Node's inspector for main) reduced to the functions with the most self time. Renderer frames
 * are located through the build's source maps (the profiling build compiles Lexical from its own
 * sources, so its functions have their names); locations are repository-relative.
 */
import { existsSync, readFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { basename, join } from 'node:path'
import type { Snapshot } from './snapshot'
import { round } from './stats'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>
  startTime: number
  endTime: number
  samples?: number[]
  timeDeltas?: number[]
}

/** The goal family a profile explains. */
export type ProfileKind = 'typing' | 'find' | 'open' | 'autosave' | 'library-list' | 'search'

export interface ProfileSummary {
  kind: ProfileKind
  title: string
  side: 'renderer' | 'main'
  /** Sampled time, idle excluded (main: only samples with the app's code on the stack). */
  totalMs: number
  /** `(program)`: the browser's native work outside JavaScript (style, layout, paint, input routing), left out of `top`. */
  programMs: number
  top: Array<{ fn: string; location: string; selfMs: number; share: number }>
}

/** Node's own profiler, for the services running in this process (the host's main side). */
export function nodeProfiler(): { start(): Promise<void>; stop(): Promise<void>; result(): Promise<CpuProfile | undefined> } {
  const session = new Session()
  let profile: CpuProfile | undefined
  return {
    async start() {
      session.connect()
      await session.post('Profiler.enable')
      await session.post('Profiler.setSamplingInterval', { interval: 200 })
      await session.post('Profiler.start')
    },
    async stop() {
      profile = (await session.post('Profiler.stop')).profile as CpuProfile
      await session.post('Profiler.disable')
      session.disconnect()
    },
    async result() {
      return profile
    },
  }
}

/** A source map, decoded once, answering generated line/column → original source and line. */
class SourceMap {
  private readonly lines: Array<Array<[col: number, source: number, line: number]>> = []
  private readonly sources: string[]

  constructor(raw: { sources: string[]; mappings: string }) {
    this.sources = raw.sources
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    const value = new Map([...B64].map((c, i) => [c, i]))
    // Only the source and line are kept (the original column and name fields are not needed).
    let source = 0
    let line = 0
    for (const text of raw.mappings.split(';')) {
      const segments: Array<[number, number, number]> = []
      let generated = 0
      for (const segment of text.split(',')) {
        if (!segment) continue
        const fields: number[] = []
        let shift = 0
        let acc = 0
        for (const char of segment) {
          const digit = value.get(char)!
          acc += (digit & 31) << shift
          if (digit & 32) shift += 5
          else {
            fields.push(acc & 1 ? -(acc >>> 1) : acc >>> 1)
            acc = 0
            shift = 0
          }
        }
        generated += fields[0]!
        if (fields.length >= 4) {
          source += fields[1]!
          line += fields[2]!
          segments.push([generated, source, line])
        }
      }
      this.lines.push(segments)
    }
  }

  /** 0-based generated position → original source path and 1-based line. */
  find(line: number, column: number): { source: string; line: number } | undefined {
    const segments = this.lines[line]
    if (!segments?.length) return undefined
    let best: [number, number, number] | undefined
    for (const segment of segments) {
      if (segment[0] > column) break
      best = segment
    }
    best ??= segments[0]!
    return { source: this.sources[best[1]]!, line: best[2] + 1 }
  }
}

/** Repository-relative (`src/…`, `node_modules/<package>/…`); any other absolute path is cut to the file's name. */
function tidy(path: string): string {
  let clean = path.replace(/^file:\/\//, '').replace(/[?#].*$/, '')
  const app = clean.lastIndexOf('/.tmp/app/')
  if (app >= 0) clean = clean.slice(app + '/.tmp/app/'.length)
  const modules = clean.lastIndexOf('node_modules/')
  if (modules >= 0) return clean.slice(modules)
  clean = clean.replace(/^(\.\.\/)+/, '')
  return clean.startsWith('/') ? basename(clean) : clean
}

export function summariseProfile(
  profile: CpuProfile,
  options: { kind: ProfileKind; title: string; side: 'renderer' | 'main'; snapshot: Snapshot; limit?: number },
): ProfileSummary {
  const maps = new Map<string, SourceMap | null>()
  const sourceMapFor = (url: string): SourceMap | null => {
    const file = basename(new URL(url).pathname)
    if (!maps.has(file)) {
      const candidates = ['out/renderer-profile/assets', 'out/renderer/assets'].map((dir) => join(options.snapshot.dir, dir, `${file}.map`))
      const found = candidates.find((path) => existsSync(path))
      maps.set(file, found ? new SourceMap(JSON.parse(readFileSync(found, 'utf8')) as { sources: string[]; mappings: string }) : null)
    }
    return maps.get(file)!
  }
  const locate = (frame: CallFrame): string => {
    if (!frame.url) return ''
    if (/^https?:/.test(frame.url)) {
      const found = sourceMapFor(frame.url)?.find(frame.lineNumber, frame.columnNumber)
      return found ? `${tidy(found.source)}:${found.line}` : new URL(frame.url).pathname.replace(/^\//, '')
    }
    // Main: positions are in tsx's compiled output, so only the file is given.
    return tidy(frame.url)
  }

  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  // Main: only samples with the app's own code on the stack (this process also runs the harness).
  const appDir = `${options.snapshot.dir}/src/`
  const inApp = new Map<number, boolean>()
  const isInApp = (id: number): boolean => {
    const known = inApp.get(id)
    if (known !== undefined) return known
    const node = byId.get(id)
    const here = Boolean(node?.callFrame.url.includes(appDir))
    const answer = here || (parent.has(id) ? isInApp(parent.get(id)!) : false)
    inApp.set(id, answer)
    return answer
  }

  const self = new Map<string, { fn: string; location: string; us: number }>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  let total = 0
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!)
    if (!node) continue
    const name = node.callFrame.functionName
    if (name === '(idle)' || name === '(root)') continue
    if (options.side === 'main' && !isInApp(node.id)) continue
    const us = deltas[i + 1] ?? 0
    const location = locate(node.callFrame)
    const key = `${name}\0${location}`
    const entry = self.get(key) ?? { fn: name || '(anonymous)', location, us: 0 }
    entry.us += us
    self.set(key, entry)
    total += us
  }
  const program = [...self.values()].filter((entry) => entry.fn === '(program)').reduce((sum, entry) => sum + entry.us, 0)
  const top = [...self.values()]
    .filter((entry) => entry.fn !== '(program)')
    .sort((a, b) => b.us - a.us)
    .slice(0, options.limit ?? 12)
    .map((entry) => ({ fn: entry.fn, location: entry.location, selfMs: round(entry.us / 1000, 1), share: round(entry.us / Math.max(1, total), 3) }))
  return { kind: options.kind, title: options.title, side: options.side, totalMs: round(total / 1000, 1), programMs: round(program / 1000, 1), top }
}
