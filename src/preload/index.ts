/** The one bridge: forwards contract channels to main and exposes nothing else (no raw ipcRenderer). */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { assetProtocolUrl, DROP_CHANNEL, EVENT_CHANNEL, IPC_PREFIX, isChannel, type AppEvent, type Bridge } from '../shared/contract'

const bridge: Bridge = {
  invoke(channel, args) {
    if (!isChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`))
    return ipcRenderer.invoke(IPC_PREFIX + channel, args)
  },
  onEvent(listener) {
    const handler = (_: unknown, event: AppEvent): void => listener(event)
    ipcRenderer.on(EVENT_CHANNEL, handler)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler)
  },
  assetUrl: assetProtocolUrl,
  // '' for a File the page made itself: only a file the user dropped has a path.
  openDropped: (file) => ipcRenderer.invoke(DROP_CHANNEL, webUtils.getPathForFile(file)),
}

contextBridge.exposeInMainWorld('verdict', bridge)
