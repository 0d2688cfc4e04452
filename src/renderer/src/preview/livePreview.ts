import type { Args, ColorScheme, Result } from '@shared/contract'
import { BlockDeltas } from '@renderer/review/blockDeltas'
import type { ReviewMeta } from '@shared/model'
import type { PostDate } from '@shared/publish'
import type { LatestDocument } from './latestDocument'
import type { AsOnChoice } from './lookChoice'

export interface PreviewInputs {
  id: string
  meta: ReviewMeta
  theme: string
  colorScheme: ColorScheme
  asOn: AsOnChoice | null
  /** The Publish dialog's date choice: a blog's look shows the post dated as it will be. */
  dated: PostDate
}

interface Options {
  doc: LatestDocument
  render: (args: Args<'renderPreview'>) => Promise<Result<'renderPreview'>>
  /** Shows an answer; false when it was a patch of a page the frame no longer shows (it is then rendered again). */
  onResult: (result: Result<'renderPreview'>) => boolean
  onError: (error: unknown) => void
  /** The address of the page the frame shows, if it finished loading: main may answer with a patch of it. */
  shown?: () => string | undefined
  /** Quiet time after the last edit before the page is rendered again. */
  delay?: number
}

/**
 * Keeps the layout preview in step with the editor without getting in the way of typing: an edit
 * only restarts a timer; once typing pauses the newest state is serialized and rendered by main.
 * Renders never overlap — a change during one is rendered (only its latest version) right after.
 * A new theme or colour scheme renders at once, and so does a blog's look: fetched anew once for
 * each time the critic asks for it, the kept one on every other render.
 *
 * An answer is shown (the frame patched or loaded, the pane re-rendered) only once the editor has
 * been quiet for the same delay, in idle time: at 50,000 words main's render can outlast a pause,
 * and showing its page as typing resumes would put a frame's layout before the next key. Only the
 * newest answer is kept; the next render's patch is made against the page the frame still shows,
 * and one that finds the frame showing another by then (the previous answer, shown while it was
 * being rendered) is rendered again against that page.
 */
export class LivePreview {
  readonly #options: Options
  readonly #delay: number
  readonly #unsubscribe: () => void
  #inputs: PreviewInputs | null = null
  #timer: ReturnType<typeof setTimeout> | undefined
  #running = false
  #again = false
  #disposed = false
  #asked = 0
  /** The document goes to main as a delta on the previous render's. */
  readonly #deltas = new BlockDeltas()
  /** The next render loads a new page even where a patch would do. */
  #whole = false
  /** The newest answer not shown yet, and when the editor last changed. */
  #answer: Result<'renderPreview'> | undefined
  #editedAt = 0
  #showTimer: ReturnType<typeof setTimeout> | undefined
  #showIdle: number | undefined

  constructor(options: Options) {
    this.#options = options
    this.#delay = options.delay ?? 400
    this.#unsubscribe = options.doc.subscribe(() => {
      this.#editedAt = performance.now()
      this.#schedule()
      if (this.#answer) this.#showWhenQuiet()
    })
  }

  /** New look or metadata: a new look (or the first call) renders now, a metadata edit once typing pauses. */
  update(inputs: PreviewInputs): void {
    const previous = this.#inputs
    this.#inputs = inputs
    const now =
      !previous || previous.id !== inputs.id || previous.theme !== inputs.theme || previous.colorScheme !== inputs.colorScheme || previous.asOn?.ask !== inputs.asOn?.ask ||
      (inputs.asOn !== null && previous.dated !== inputs.dated)
    if (now) {
      clearTimeout(this.#timer)
      this.#run()
    } else if (previous.meta !== inputs.meta) {
      this.#schedule()
    }
  }

  /** The same inputs, rendered again now as a whole new page (never a patch): files the page shows changed on disk. */
  refresh(): void {
    this.#whole = true
    clearTimeout(this.#timer)
    this.#run()
  }

  dispose(): void {
    this.#disposed = true
    clearTimeout(this.#timer)
    this.#cancelShow()
    this.#unsubscribe()
  }

  #cancelShow(): void {
    clearTimeout(this.#showTimer)
    if (this.#showIdle !== undefined) cancelIdleCallback(this.#showIdle)
    this.#showIdle = undefined
  }

  /** Shows the newest answer once no edit came for the render's delay, when the browser is idle. */
  #showWhenQuiet(): void {
    this.#cancelShow()
    this.#showTimer = setTimeout(
      () => {
        this.#showIdle = requestIdleCallback(
          () => {
            this.#showIdle = undefined
            const answer = this.#answer
            this.#answer = undefined
            // A patch made against the page shown before the previous answer: asked again against
            // the page shown now, rather than loading a whole page.
            if (answer && !this.#disposed && !this.#options.onResult(answer)) this.#run()
          },
          { timeout: this.#delay },
        )
      },
      Math.max(0, this.#editedAt + this.#delay - performance.now()),
    )
  }

  #schedule(): void {
    if (this.#disposed) return
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.#run(), this.#delay)
  }

  #run(): void {
    const inputs = this.#inputs
    if (this.#disposed || !inputs) return
    if (this.#running) {
      this.#again = true
      return
    }
    this.#running = true
    let request: Promise<Result<'renderPreview'>>
    try {
      const { asOn, dated, ...look } = inputs
      const refresh = asOn !== null && asOn.ask !== this.#asked
      if (asOn) this.#asked = asOn.ask
      const shown = this.#whole ? undefined : this.#options.shown?.()
      this.#whole = false
      const args = { ...look, ...(asOn ? { asOn: { blogId: asOn.blogId, refresh, dated } } : {}), ...(shown === undefined ? {} : { shown }) }
      request = this.#deltas.send(this.#options.doc.current, (doc) => this.#options.render({ ...args, doc })).then(({ doc, reply }) => {
        this.#deltas.adopt(doc, reply.base)
        return reply
      })
    } catch (error) {
      request = Promise.reject(error)
    }
    request
      .then(
        (result) => {
          this.#answer = result
          this.#showWhenQuiet()
        },
        (error: unknown) => {
          if (!this.#disposed) this.#options.onError(error)
        },
      )
      .finally(() => {
        this.#running = false
        if (this.#again) {
          this.#again = false
          this.#run()
        }
      })
  }
}
