// How long a screen waits, at random, before it fetches a view that a push notice says has changed. The
// server knows how many screens it has just told and names the window they are to spread over
// (`spreadMs`, lib/api/view-watch.ts), so that one screen fetches at once and a hundred do not queue
// behind each other. A notice without a usable window (an older server) gets the window used before.

import type { ViewNotice } from "./view-stream";

/** The window for a notice that names none. */
export const DEFAULT_SPREAD_MS = 250;
/** No window past this is believed: every screen is to hold a new answer within about a second. */
const MAX_SPREAD_MS = 1000;

export function noticeDelayMs(notice: ViewNotice, random: () => number = Math.random): number {
  const spread = "spreadMs" in notice ? notice.spreadMs : undefined;
  const window =
    typeof spread === "number" && Number.isFinite(spread) && spread >= 0 && spread <= MAX_SPREAD_MS
      ? spread
      : DEFAULT_SPREAD_MS;
  return random() * window;
}
