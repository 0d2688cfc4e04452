#!/usr/bin/env node
// The test Ghost's sendmail: each message Ghost sends (a staff invitation) is written to a file in
// the run's mailbox folder instead of leaving the machine, so ghost.mjs can read the invitation's link.
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { text } from 'node:stream/consumers'

const mailbox = process.env.VERDICT_GHOST_MAILBOX
if (!mailbox) {
  console.error('VERDICT_GHOST_MAILBOX is not set: the message has nowhere to go.')
  process.exit(1)
}
writeFileSync(join(mailbox, `${Date.now()}-${randomUUID()}.eml`), await text(process.stdin))
