/** The Chromium the tests drive: PW_CHROMIUM_PATH, else the headless shell (installed from Debian when missing). */
export function ensureChromium(): string
