/**
 * Outbox notifications from the real publish service: a folder blog that takes the waiting post,
 * a WordPress address that first cannot be reached and then refuses the sign-in.
 */
import { mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { notifyOutboxResults, type NotificationDeps } from '../../../src/main/desktop/notifications'
import { Outbox } from '../../../src/main/services/publish/outbox'
import { createPublishHarness, type PublishHarness } from '../../publish/harness'
import { freePort } from '../../support/ports'

/** The publish harness, closed after the test. */
async function harnessFor(options: Parameters<typeof createPublishHarness>[0]): Promise<PublishHarness> {
  const harness = await createPublishHarness(options)
  onTestFinished(() => harness.close())
  return harness
}

/** The notifications shown, and the reviews their clicks opened; `focused` says whether the window has the focus. */
function desktop(h: PublishHarness, focused: () => boolean) {
  const shown: Array<{ title: string; body: string; click: () => void }> = []
  const opened: string[] = []
  const deps: NotificationDeps = {
    events: h.services.events,
    create: (options) => {
      const notification = { ...options, click: () => undefined as void }
      shown.push(notification)
      return {
        on: (_event, listener) => (notification.click = listener),
        show: () => undefined,
      }
    },
    focused,
    openReview: (id) => opened.push(id),
  }
  notifyOutboxResults(deps)
  return { shown, opened }
}

describe('outbox notifications', () => {
  it('says which blog a waiting post went to, when the window is not focused; a click opens the review', async () => {
    const site = await mkdtemp(join(tmpdir(), 'verdict-site-'))
    const h = await harnessFor({ blog: { name: 'My site', kind: 'folder', url: site }, secret: '' })
    await new Outbox(() => h.services.libraries.current(), h.services.machine).put({ id: h.reviewId, blogId: h.blogId, status: 'published' }, undefined, 'The network was down.', new Date())
    const { shown, opened } = desktop(h, () => false)

    await h.flushOutbox()
    expect(await h.outbox()).toEqual([])
    expect(shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: 'Ballerina', body: 'Sent to My site from the outbox.' }])
    shown[0]!.click()
    expect(opened).toEqual([h.reviewId])
  })

  it('says why a waiting post failed for good; nothing is shown while the window has the focus', async () => {
    const port = await freePort()
    const h = await harnessFor({ blog: { name: 'Press', kind: 'wordpress', url: `http://127.0.0.1:${port}`, username: 'ana' }, secret: 'pw' })
    expect(await h.publish()).toMatchObject({ kind: 'queued' })
    // The blog is back, but no longer takes the password.
    const server = createServer((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Sorry, you are not allowed to do that."}'))
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
    let focused = true
    const { shown } = desktop(h, () => focused)
    // The window has the focus: the outbox indicator shows it there, no notification.
    await h.services.publish.flushOutbox()
    expect(shown).toEqual([])
    expect(await h.outbox()).toEqual([])

    // Queued again, and finished while Verdict is in the background: the notification says why.
    await new Outbox(() => h.services.libraries.current(), h.services.machine).put({ id: h.reviewId, blogId: h.blogId, status: 'published' }, undefined, 'The network was down.', new Date())
    focused = false
    await h.flushOutbox()
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatchObject({ title: 'Ballerina', body: expect.stringMatching(/^Could not be sent to Press: Press refused the sign-in: .*not allowed/) })
  })
})
