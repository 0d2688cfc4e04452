import { useEffect, useLayoutEffect, useRef } from 'react'
import { ariaKeyShortcut, COMMAND_IDS, COMMANDS, keysFor, matchesKeys, type CommandId, type KeyPlatform, type Keys } from '@shared/commands'
import { api } from '@renderer/api'

export const KEY_PLATFORM: KeyPlatform = typeof navigator !== 'undefined' && navigator.userAgent.includes('Mac') ? 'mac' : 'other'

/** `aria-keyshortcuts` for these keys on this platform. */
export function ariaKeys(keys: Keys | undefined): string | undefined {
  return keys && ariaKeyShortcut(keysFor(keys, KEY_PLATFORM), KEY_PLATFORM)
}

/** Per command, the handlers of the mounted components; the newest one runs. */
const handlers = new Map<CommandId, Array<() => void>>()

/** Runs a command if something on screen handles it; false when nothing does. */
export function runCommand(command: CommandId): boolean {
  const stack = handlers.get(command)
  const handler = stack?.[stack.length - 1]
  if (!handler) return false
  handler()
  return true
}

/** While mounted (and `enabled`), this component handles `command`, from its keys and from the menu. */
export function useCommand(command: CommandId, handler: () => void, enabled = true): void {
  const latest = useRef(handler)
  useLayoutEffect(() => {
    latest.current = handler
  })
  useEffect(() => {
    if (!enabled) return
    const entry = () => latest.current()
    const stack = handlers.get(command) ?? []
    handlers.set(command, [...stack, entry])
    return () => {
      handlers.set(command, (handlers.get(command) ?? []).filter((each) => each !== entry))
    }
  }, [command, enabled])
}

/** A modal dialog owns the keyboard: commands wait until it is closed. */
export function dialogOpen(): boolean {
  return document.querySelector('dialog:modal') !== null
}

/**
 * Routes the commands' keys and the menu's `command` events to the handlers; returns the undo.
 * Keys are read after the editor's own handling (a key it used is not a command).
 */
export function installCommands(): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || dialogOpen()) return
    for (const id of COMMAND_IDS) {
      const { keys, runsIn } = COMMANDS[id]
      if (runsIn !== 'renderer' || !keys || !matchesKeys(event, keysFor(keys, KEY_PLATFORM), KEY_PLATFORM)) continue
      if (runCommand(id)) event.preventDefault()
      return
    }
  }
  window.addEventListener('keydown', onKeyDown)
  const unsubscribe = api.onEvent((event) => {
    if (event.type === 'command' && !dialogOpen()) runCommand(event.command)
  })
  return () => {
    window.removeEventListener('keydown', onKeyDown)
    unsubscribe()
  }
}
