import type { Handlers } from '../shared/contract'
import type { Services } from './container'
import { imageLimitsOf, importImage } from './services/assets/import'

/** The handler table: one line per channel, each a call into a service. */
export function createHandlers({ libraries, settings, platform, pages }: Services): Handlers {
  const library = () => libraries.current()
  return {
    getLibrary: async () => libraries.info(),
    listReviews: async () => library().list(),
    switchLibrary: async ({ path }) => libraries.switchTo(path),
    pickFolder: async () => platform.pickFolder(),
    createReview: async ({ title }) => library().create(title),
    openReview: async ({ id }) => library().open(id),
    saveReview: async ({ id, meta, doc, baseHash }) => library().save(id, meta, doc, baseHash),
    renameReview: async ({ id, title }) => library().rename(id, title),
    duplicateReview: async ({ id }) => library().duplicate(id),
    trashReview: async ({ id }) => library().trash(id),
    restoreReview: async ({ trashId }) => library().restore(trashId),
    importImage: async ({ id, fileName, data }) => importImage(library(), id, fileName, data, imageLimitsOf(settings.get())),
    renderPreview: async (state) => pages.preview(state),
    listThemes: async () => pages.listThemes(),
    openInBrowser: async (state) => pages.openInBrowser(state),
    exportReviews: async (request) => pages.exportReviews(request),
    importReview: async ({ path }) => pages.importReview(path),
    pickFile: async ({ extensions }) => platform.pickFile(extensions),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
  } satisfies Handlers
}
