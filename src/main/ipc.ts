/** The only module that touches ipcMain: checks channel, sender frame and payload, then dispatches. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, IPC_PREFIX, type Handlers } from '../shared/contract'
import { dispatch, type Log } from './dispatch'

export function registerIpc(handlers: Handlers, isAppUrl: (url: string) => boolean, log: Log): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (event: IpcMainInvokeEvent, raw: unknown) => {
      const frame = event.senderFrame
      // Only the app's own top-level page may call main; iframes (embeds) and other origins may not.
      if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
        log.error(`Refused ${channel} from ${frame?.url ?? 'a destroyed frame'}`)
        return { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'This page may not call Verdict.' } }
      }
      return dispatch(handlers, channel, raw, log)
    })
  }
}
