// How long a screen waits before it fetches a view that a push notice says has changed. The server knows
// how many screens it has just told: it names the window they are to spread over (`spreadMs`,
// lib/api/view-watch.ts) and, to each screen told of a new answer, that screen's own place in it
// (`waitMs`), so that one screen fetches at once and a hundred arrive evenly apart instead of queueing
// behind each other. A notice with no place (a screen that has just joined) waits a random moment within
// the window; one without a usable window (an older server) within the window used before.

import type { ViewNotice } from "./view-stream";

/** The window for a notice that names none. */
export const DEFAULT_SPREAD_MS = 250;
/** No window past this is believed: every screen is to hold a new answer within about a second. */
const MAX_SPREAD_MS = 1000;

const believable = (ms: unknown): ms is number =>
  typeof ms === "number" && Number.isFinite(ms) && ms >= 0 && ms <= MAX_SPREAD_MS;

export function noticeDelayMs(notice: ViewNotice, random: () => number = Math.random): number {
  if ("waitMs" in notice && believable(notice.waitMs)) return notice.waitMs;
  const spread = "spreadMs" in notice ? notice.spreadMs : undefined;
  return random() * (believable(spread) ? spread : DEFAULT_SPREAD_MS);
}
