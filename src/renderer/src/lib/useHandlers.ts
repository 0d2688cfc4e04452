import { useLayoutEffect, useRef, useState } from 'react'

type Handler = ((...args: never[]) => unknown) | undefined

/**
 * The same object of handlers at every render, each calling the handler of the latest render: memoised
 * children given them skip re-rendering when only the parent's state changed (a search key, for one).
 * The keys must be the same at every render.
 */
export function useHandlers<T extends { [K in keyof T]: Handler }>(latest: T): T {
  const handlers = useRef(latest)
  useLayoutEffect(() => {
    handlers.current = latest
  })
  const [stable] = useState(() => {
    const result: Record<string, Handler> = {}
    for (const key of Object.keys(latest) as Array<keyof T & string>)
      result[key] = (...args: never[]) => (handlers.current[key] as Handler)?.(...args)
    return result as T
  })
  return stable
}
