import type { Bridge } from '../shared/contract'

declare global {
  interface Window {
    /** Provided by the preload in the app, and by the loopback host in end-to-end tests. */
    verdict: Bridge
  }
}
