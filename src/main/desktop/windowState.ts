/**
 * Where the window opens: where the critic left it, as long as that is still on a display. Pure
 * (tested under Node); window.ts reads the displays and keeps the state in a file of its own.
 */
import { z } from 'zod'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

/** The window as it was left: its bounds when neither maximised nor full screen, and which it was. */
export interface WindowState {
  bounds: Rectangle
  maximized: boolean
  fullScreen: boolean
}

export interface WindowSizes {
  width: number
  height: number
  minWidth: number
  minHeight: number
}

/** What the window opens with: no position means centred on the primary display. */
export interface WindowPlacement {
  bounds: Partial<Pick<Rectangle, 'x' | 'y'>> & Pick<Rectangle, 'width' | 'height'>
  maximized: boolean
  fullScreen: boolean
}

const rectangle = z.strictObject({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
})
const windowState = z.strictObject({ bounds: rectangle, maximized: z.boolean(), fullScreen: z.boolean() })

/** How much of the title bar must show on a display for the saved place to count (px). */
const GRIP = { width: 120, height: 40 }

/**
 * Opens where the window was left (the stored state is checked: a file anyone can edit): moved and
 * cut to fit the display it is mostly on when it no longer fits (a smaller or rearranged screen),
 * and at the default size centred on the primary display when no display shows enough of it.
 */
export function placeWindow(stored: unknown, displays: readonly Rectangle[], primary: Rectangle, sizes: WindowSizes): WindowPlacement {
  const fallback = { width: Math.min(sizes.width, primary.width), height: Math.min(sizes.height, primary.height) }
  const parsed = windowState.safeParse(stored)
  if (!parsed.success) return { bounds: fallback, maximized: false, fullScreen: false }
  const { bounds, maximized, fullScreen } = parsed.data
  const titleBar = { ...bounds, height: Math.min(bounds.height, GRIP.height) }
  const display = displays
    .map((area) => ({ area, shown: overlap(titleBar, area) }))
    .filter(({ shown }) => shown.width >= Math.min(GRIP.width, bounds.width) && shown.height >= Math.min(GRIP.height, bounds.height))
    .sort((a, b) => overlap(bounds, b.area).width * overlap(bounds, b.area).height - overlap(bounds, a.area).width * overlap(bounds, a.area).height)[0]?.area
  if (!display) return { bounds: fallback, maximized, fullScreen }
  const width = Math.min(Math.max(bounds.width, sizes.minWidth), display.width)
  const height = Math.min(Math.max(bounds.height, sizes.minHeight), display.height)
  const x = Math.min(Math.max(bounds.x, display.x), display.x + display.width - width)
  const y = Math.min(Math.max(bounds.y, display.y), display.y + display.height - height)
  return { bounds: { x, y, width, height }, maximized, fullScreen }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  }
}
