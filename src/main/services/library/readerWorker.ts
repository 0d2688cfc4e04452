/** The reader's worker thread (reader.ts): runs each job it is sent and posts the outcome back. */
import { parentPort } from 'node:worker_threads'
import { ReviewParseError } from '../format'
import { runReaderJob, warmUpParser, type ReaderJob, type ReaderReply } from './reader'

const port = parentPort
if (!port) throw new Error('readerWorker runs only as a worker thread')

port.on('message', ({ id, job }: { id: number; job: ReaderJob }) => {
  let reply: ReaderReply
  try {
    reply = { id, ok: true, value: runReaderJob(job) }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    reply = { id, ok: false, unreadable: error instanceof ReviewParseError, message }
  }
  port.postMessage(reply)
})
// One small review read before saying ready: a thread's first parse also compiles the parser, and
// that belongs to its start (outside every read's budget), not to the first file it is sent.
warmUpParser()
port.postMessage({ ready: true })
