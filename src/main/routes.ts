import type { Handlers, PickedPath, PickPurpose } from '../shared/contract'
import type { Services } from './container'
import { archiveStats, exportArchive } from './services/archive/archive'
import { imageLimitsOf, importImage, readImage } from './services/assets/import'
import { osFullName } from './services/settings/fullName'
import { lastPlace, rememberPlace } from './services/settings/place'
import { openLink } from './windowOptions'

/** The handler table: one line per channel, each a call into a service. */
export function createHandlers({ libraries, settings, platform, pages, history, journal, watcher, writes, tags, letterboxd, conflicts, blogs, publish, screen, about, quit, grants, openRequests }: Services): Handlers {
  const library = () => libraries.current()
  const picked = (path: string | null, purpose: PickPurpose): PickedPath | null => (path === null ? null : { path, token: grants.grant(path, purpose) })
  return {
    getLibrary: async () => libraries.info(),
    setLibraryLayout: async (layout) => libraries.setLayout(layout),
    listReviews: async () => library().list(),
    searchReviews: async ({ query, limit, session }) => library().searchReviews(query, limit, session),
    archiveStats: async () => archiveStats(await library().lastListed()),
    exportArchive: async ({ format, folder }) => exportArchive(await library().list(), format, grants.redeem(folder, 'export')),
    switchLibrary: async (args) => ('folder' in args ? libraries.switchTo(grants.redeem(args.folder, 'library')) : libraries.switchToRecent(args.recent)),
    pickFolder: async ({ purpose }) => picked(await platform.pickFolder(), purpose),
    createReview: async ({ title }) => library().create(title),
    openReview: async ({ id }) => library().open(id),
    openReviewInParts: async ({ id, screenChars }) => library().openInParts(id, screenChars),
    openReviewRest: async ({ rest }) => library().openRest(rest),
    saveReview: async ({ doc, ...args }) => writes.save({ ...args, doc: library().bases.resolve(doc) }),
    saveReviewAs: async ({ folder, ...edits }) => writes.saveAs({ ...edits, destDir: grants.redeem(folder, 'save-as') }),
    renameReview: async ({ id, title }) => writes.rename(id, title),
    duplicateReview: async ({ id }) => writes.unpublishedCopy(await library().duplicate(id)),
    trashReview: async ({ id }) => writes.trash(id),
    restoreReview: async ({ trashId }) => writes.untrash(trashId),
    importImage: async ({ id, fileName, data }) => writes.withReview(id, (current) => importImage(library(), current, fileName, data, imageLimitsOf(settings.get()))),
    readImage: async ({ id, path }) => readImage(library(), id, path),
    renderPreview: async (state) => pages.preview(state),
    listThemes: async () => pages.listThemes(),
    openInBrowser: async (state) => pages.openInBrowser(state),
    exportReviews: async ({ folder, ...request }) => {
      const destDir = folder ? grants.redeem(folder, 'export') : (await libraries.info()).exportDir
      const summary = await pages.exportReviews({ ...request, destDir })
      if (folder) settings.update({ exportDir: destDir })
      return summary
    },
    importReview: async ({ file }) => {
      const review = await writes.unpublishedCopy(await pages.importReview(grants.redeem(file, 'import')))
      platform.addRecentDocument?.(await library().reviewFile(review.id))
      return review
    },
    renameTag: async ({ from, to }) => tags.rename(from, to),
    undoTagRename: async ({ undo }) => tags.undo(undo),
    importLetterboxd: async ({ file }) => letterboxd.import(grants.redeem(file, 'import')),
    exportLetterboxd: async ({ folder }) => letterboxd.export(grants.redeem(folder, 'export')),
    pickFile: async ({ purpose, extensions }) => picked(await platform.pickFile(extensions), purpose),
    openExternal: async ({ url }) => openLink(url, platform),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
    rememberPlace: async ({ review }) => rememberPlace(settings, library(), review),
    lastPlace: async () => lastPlace(settings, library()),
    suggestAuthor: async () => osFullName(),
    listVersions: async ({ id }) => history.list(id),
    readVersion: async ({ id, versionId }) => history.read(id, versionId),
    restoreVersion: async ({ id, versionId }) => writes.restore(id, versionId),
    openConflict: async ({ id }) => conflicts.open(id),
    resolveConflict: async ({ id, oursHash, theirsHash, resolution }) => conflicts.resolve(id, oursHash, theirsHash, resolution),
    snapshotReview: async ({ id, reason }) => writes.snapshot(id, reason),
    journalDraft: async ({ id, meta, doc, baseHash }) => journal.journal(id, { meta, doc: library().bases.resolve(doc), baseHash }),
    clearDraft: async ({ id }) => journal.discard(id),
    listRecovered: async () => journal.list(),
    readRecovered: async ({ id }) => journal.read(id),
    discardRecovered: async ({ id }) => journal.discard(id),
    watchReview: async ({ id, hash }) => watcher.watch(id, hash),
    unwatchReview: async ({ id }) => watcher.unwatch(id),
    listBlogs: async () => blogs.views(),
    saveBlog: async ({ blog, secret }) => blogs.view(await blogs.save(blog, secret)),
    removeBlog: async ({ id }) => blogs.remove(id),
    preflightPublish: async (request) => publish.preflight(request),
    publishByline: async (request) => publish.byline(request),
    publishReview: async (request) => publish.publish(request),
    listOutbox: async () => publish.outbox(),
    sendOutbox: async () => publish.sendOutboxNow(),
    readPublishLog: async ({ id }) => publish.readLog(id),
    reportScreen: async (args) => {
      screen.set(args.screen)
      // A screen shown means the renderer listens: paths handed over before now reach it.
      openRequests.rendererReady()
    },
    reportFocusMode: async ({ on }) => screen.setFocusMode(on),
    getAbout: async () => about,
    quitReady: async ({ token }) => quit.acknowledge(token),
  } satisfies Handlers
}
