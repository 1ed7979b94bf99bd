"use client";

import { useEffect, useRef } from "react";
import type { RefreshLog } from "@/lib/wall/freshness";
import { anyNewFailure, type SeenFailures } from "@/lib/wall/new-failures";
import { reloadDue } from "@/lib/wall/reload-schedule";

/**
 * A reload every `everyHours` caps what a browser left on for weeks holds, at a quiet moment: only after
 * a refresh that worked, and not while a new failure is highlighted.
 */
export function useScheduledReload(
  now: number | null,
  everyHours: number,
  log: RefreshLog,
  seen: SeenFailures,
) {
  const loadedAt = useRef(0);
  useEffect(() => {
    if (loadedAt.current === 0) loadedAt.current = Date.now();
    if (now === null) return;
    if (
      reloadDue({
        loadedAt: loadedAt.current,
        now,
        everyHours,
        lastRefreshOk: log.settledAt !== null && log.misses === 0,
        highlighting: anyNewFailure(seen, now),
      })
    )
      window.location.reload();
  }, [now, everyHours, log, seen]);
}
