// A browser left on for weeks grows; the wall reloads itself every few hours to start clean. It waits for
// a quiet moment: the last refresh worked (a reload during an outage could leave the TV on an error page)
// and no new failure is being highlighted. Past an hour of waiting, only the first condition holds it.

export const QUIET_WAIT_MAX_MS = 3_600_000;

export function reloadDue({
  loadedAt,
  now,
  everyHours,
  lastRefreshOk,
  highlighting,
}: {
  loadedAt: number;
  now: number;
  everyHours: number;
  lastRefreshOk: boolean;
  highlighting: boolean;
}): boolean {
  const due = loadedAt + everyHours * 3_600_000;
  if (now < due || !lastRefreshOk) return false;
  return !highlighting || now >= due + QUIET_WAIT_MAX_MS;
}
