// How old what a wall shows is, and whether to say so. Pure, so the rules are tested without a browser.
//
// Age is measured on the server's clock: a TV's own clock is often minutes off, and the server says when
// the CommCell answered (fetchedAt) and what time it was when it replied (serverTime).

export interface RefreshLog {
  /** When the data on screen was fetched from the CommCell, on the server's clock; null before any. */
  readonly fetchedAt: number | null;
  /** serverTime minus the browser's time when that answer arrived. */
  readonly clockOffsetMs: number;
  /** Refreshes in a row that failed or brought only stale data. */
  readonly misses: number;
  /** The browser's time of the last refresh that ended, well or badly. */
  readonly settledAt: number | null;
  readonly lastError: string | null;
}

export const EMPTY_LOG: RefreshLog = {
  fetchedAt: null,
  clockOffsetMs: 0,
  misses: 0,
  settledAt: null,
  lastError: null,
};

export interface Answer {
  readonly fetchedAt: number;
  readonly serverTime: number;
  /** The server could not reach the CommCell and answered with what it had. */
  readonly stale: boolean;
  readonly error: string | null;
}

export function recordAnswer(log: RefreshLog, answer: Answer, receivedAt: number): RefreshLog {
  return {
    fetchedAt: answer.fetchedAt,
    clockOffsetMs: answer.serverTime - receivedAt,
    misses: answer.stale ? log.misses + 1 : 0,
    settledAt: receivedAt,
    lastError: answer.stale ? answer.error : null,
  };
}

export function recordFailure(log: RefreshLog, error: string, at: number): RefreshLog {
  return { ...log, misses: log.misses + 1, settledAt: at, lastError: error };
}

/** A wall says its data is old after this many missed refreshes, not on the first hiccup. */
export const MISSES_BEFORE_STALE = 2;

export interface Freshness {
  /** How old the data on screen is, in ms; null before the first answer. */
  readonly ageMs: number | null;
  /** Missed refreshes, counting one that has hung for a whole interval as missed. */
  readonly missed: number;
  readonly stale: boolean;
}

export function freshnessOf(log: RefreshLog, now: number, intervalMs: number): Freshness {
  const hung =
    log.settledAt === null ? 0 : Math.max(0, Math.floor((now - log.settledAt - intervalMs) / intervalMs));
  const missed = Math.max(log.misses, hung);
  return { ageMs: ageOf(log, now), missed, stale: missed >= MISSES_BEFORE_STALE };
}

/** How old the data on screen is at `now` (browser time), in ms; null before the first answer. */
export function ageOf(log: RefreshLog, now: number): number | null {
  return log.fetchedAt === null ? null : Math.max(0, now + log.clockOffsetMs - log.fetchedAt);
}

/** "45 s", "3 min", "2 h 5 min": the banner's words, readable from across a room. */
export function formatAge(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  return `${Math.floor(hours / 24)} days`;
}
