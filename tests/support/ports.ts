import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A port on 127.0.0.1 that was just free: nothing listens there (yet), as when a server is down. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done))
  const { port } = probe.address() as AddressInfo
  await new Promise((done) => probe.close(done))
  return port
}
