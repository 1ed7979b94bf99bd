// Debian's Chromium, as Playwright and the pages benchmark launch it: browsers cannot be downloaded on
// these machines, and without the background-networking flags Chromium's own connections are refused.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
