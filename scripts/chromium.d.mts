/** Path of Chromium (CHROMIUM_PATH or Debian's), or null. */
export function findChromium(): string | null;
/** Path of Chromium; exits with a Russian install hint when there is none. */
export function requireChromium(): string;
