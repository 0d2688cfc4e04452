/**
 * Exports of a review — HTML (one file or a folder), Markdown bundle (.zip) and PDF — and the
 * import of bundles and Markdown files. Exports read the review and never write into its folder.
 */
export { loadReviewSource, type ReviewSource } from './source'
export { renderForExport, type RenderSettings, type RenderedExport } from './render'
export { exportHtmlFile, exportHtmlFolder, FOLDER_PAGE, type ExportResult } from './html'
export { exportBundle, importBundle, readZip, bundleFiles, type ImportResult } from './bundle'
export { exportPdf, DEFAULT_PDF_OPTIONS, type PdfPrinter, type PdfOptions, type PageSize } from './pdf'
export { ChromiumPrinter, createChromiumPrinter, CHROMIUM_ARGS, type ChromiumPrinterOptions } from './chromiumPrinter'
export { exportBatch, EXPORT_FORMATS, type ExportFormat, type BatchOptions, type BatchProgress, type BatchSummary } from './batch'
export { BUILT_IN_THEMES, DEFAULT_THEME, listThemes, loadTheme, loadUserCss, USER_CSS_PATH, type StyleDirs } from './themeFiles'
export { readReviewImage, readSourceImage, sniffImage } from './readImages'
