// Which failures are new: a failure that appears on a wall is highlighted for a few minutes, so a glance
// tells "this just happened" from "this failed last night". Pure; the screen keeps the map between refreshes
// (and in sessionStorage, so its own scheduled reloads do not forget).

/** Job id -> when the screen first saw it fail (browser time); 0 for failures present when it started. */
export type SeenFailures = ReadonlyMap<number, number>;

export const HIGHLIGHT_MS = 5 * 60_000;

/**
 * The map after a refresh: ids that left the list are dropped (so weeks of failures do not pile up), ids
 * already known keep their time, new ones get `now`. With no previous map (the screen just started),
 * nothing counts as new: it would otherwise light up the whole list.
 */
export function trackFailures(
  seen: SeenFailures | null,
  ids: readonly number[],
  now: number,
): Map<number, number> {
  const next = new Map<number, number>();
  for (const id of ids) next.set(id, seen === null ? 0 : (seen.get(id) ?? now));
  return next;
}

export function isNewFailure(seen: SeenFailures, id: number, now: number): boolean {
  const at = seen.get(id);
  return at !== undefined && at > 0 && now - at < HIGHLIGHT_MS;
}

export function anyNewFailure(seen: SeenFailures, now: number): boolean {
  for (const at of seen.values()) if (at > 0 && now - at < HIGHLIGHT_MS) return true;
  return false;
}

export function serializeSeen(seen: SeenFailures): string {
  return JSON.stringify([...seen]);
}

/** A stored map, or null when there is none or it is not one (a stored value is input like any other). */
export function parseSeen(text: string | null): Map<number, number> | null {
  if (!text) return null;
  try {
    const entries: unknown = JSON.parse(text);
    if (!Array.isArray(entries)) return null;
    const map = new Map<number, number>();
    for (const entry of entries) {
      if (!Array.isArray(entry) || !Number.isSafeInteger(entry[0]) || !Number.isFinite(entry[1])) return null;
      map.set(entry[0] as number, entry[1] as number);
    }
    return map;
  } catch {
    return null;
  }
}
