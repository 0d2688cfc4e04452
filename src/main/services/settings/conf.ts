import Conf from 'conf'
import type { Settings } from '../../../shared/model'
import type { KeyValueBackend } from './settings'

/** Settings file for Node-run code and tests; the app uses electron-store, conf's Electron wrapper. */
export function createConfBackend(cwd: string): KeyValueBackend {
  return new Conf<Partial<Settings>>({ cwd, configName: 'settings', projectName: 'verdict' })
}
