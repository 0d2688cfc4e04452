/** Where the window opens (src/main/desktop/windowState.ts): where it was left, if still on a screen. */
import { describe, expect, it } from 'vitest'
import { placeWindow } from '../../../src/main/desktop/windowState'
import { WINDOW_SIZES } from '../../../src/main/windowOptions'

const LAPTOP = { x: 0, y: 0, width: 1440, height: 875 }
const MONITOR = { x: 1440, y: -200, width: 2560, height: 1415 }
const state = (bounds: { x: number; y: number; width: number; height: number }, maximized = false, fullScreen = false) => ({ bounds, maximized, fullScreen })

describe('placeWindow', () => {
  it('opens where the window was left, on either display, maximised or full screen as it was', () => {
    expect(placeWindow(state({ x: 100, y: 40, width: 1200, height: 800 }), [LAPTOP, MONITOR], LAPTOP, WINDOW_SIZES)).toEqual(state({ x: 100, y: 40, width: 1200, height: 800 }))
    expect(placeWindow(state({ x: 1600, y: -100, width: 1800, height: 1100 }, true), [LAPTOP, MONITOR], LAPTOP, WINDOW_SIZES)).toEqual(state({ x: 1600, y: -100, width: 1800, height: 1100 }, true))
    expect(placeWindow(state({ x: 0, y: 0, width: 1440, height: 875 }, false, true), [LAPTOP], LAPTOP, WINDOW_SIZES).fullScreen).toBe(true)
  })

  it('opens centred at the first size when its display is gone (the monitor unplugged)', () => {
    expect(placeWindow(state({ x: 1600, y: -100, width: 1800, height: 1100 }), [LAPTOP], LAPTOP, WINDOW_SIZES)).toEqual({
      bounds: { width: 1280, height: 820 },
      maximized: false,
      fullScreen: false,
    })
  })

  it('moves and cuts a window that no longer fits back onto its display, never below the smallest size', () => {
    // Half off the right edge of the laptop, taller than it.
    expect(placeWindow(state({ x: 900, y: 10, width: 1200, height: 1000 }), [LAPTOP], LAPTOP, WINDOW_SIZES).bounds).toEqual({ x: 240, y: 0, width: 1200, height: 875 })
    // Stored smaller than the window may be.
    expect(placeWindow(state({ x: 10, y: 10, width: 300, height: 200 }), [LAPTOP], LAPTOP, WINDOW_SIZES).bounds).toEqual({ x: 10, y: 10, width: 880, height: 560 })
  })

  it('does not count a window whose title bar is off every display (it could not be dragged back)', () => {
    expect(placeWindow(state({ x: 100, y: -790, width: 1200, height: 800 }), [LAPTOP], LAPTOP, WINDOW_SIZES).bounds).toEqual({ width: 1280, height: 820 })
  })

  it('takes nothing but a well-formed state from its file', () => {
    for (const stored of [undefined, null, 'x', { bounds: { x: 0, y: 0, width: 1e9, height: 10 }, maximized: false, fullScreen: false }, { bounds: LAPTOP, maximized: 'yes', fullScreen: false }, { ...state(LAPTOP), extra: 1 }]) {
      expect(placeWindow(stored, [LAPTOP], LAPTOP, WINDOW_SIZES), JSON.stringify(stored)).toEqual({ bounds: { width: 1280, height: 820 }, maximized: false, fullScreen: false })
    }
    // A small screen: the first size fits it.
    const small = { x: 0, y: 0, width: 1024, height: 700 }
    expect(placeWindow(undefined, [small], small, WINDOW_SIZES).bounds).toEqual({ width: 1024, height: 700 })
  })
})
