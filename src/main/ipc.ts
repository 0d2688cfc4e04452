/** The only module that touches ipcMain: checks channel, sender frame and payload, then dispatches. */
import { isAbsolute } from 'node:path'
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, DROP_CHANNEL, IPC_PREFIX, type Envelope, type Handlers } from '../shared/contract'
import { dispatch, type Log } from './dispatch'

/** `openDropped`: a path dropped on the window, routed like one the system handed over. */
export function registerIpc(handlers: Handlers, isAppUrl: (url: string) => boolean, log: Log, openDropped: (path: string) => void): void {
  // Only the app's own top-level page may call main; iframes (embeds) and other origins may not.
  const refusal = (what: string, event: IpcMainInvokeEvent): Envelope<never> | undefined => {
    const frame = event.senderFrame
    if (frame && frame.parent === null && isAppUrl(frame.url)) return undefined
    log.error(`Refused ${what} from ${frame?.url ?? 'a destroyed frame'}`)
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'This page may not call Verdict.' } }
  }
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event: IpcMainInvokeEvent, raw: unknown) => refusal(channel, event) ?? dispatch(handlers, channel, raw, log))
  }
  ipcMain.handle(DROP_CHANNEL, (event: IpcMainInvokeEvent, path: unknown): Envelope<void> => {
    const refused = refusal('a dropped file', event)
    if (refused) return refused
    if (typeof path !== 'string' || path === '' || path.length > 4096 || !isAbsolute(path)) {
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Only a file or folder dropped from your computer can be opened this way.' } }
    }
    openDropped(path)
    return { ok: true, value: undefined }
  })
}
