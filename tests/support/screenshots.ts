/** Where a test writes a screenshot: the README's folder when VERDICT_README_SCREENSHOTS is set, else the run's results. */
export function screenshotPath(name: string): string {
  return process.env['VERDICT_README_SCREENSHOTS'] ? `docs/screenshots/${name}` : `test-results/screenshots/${name}`
}
