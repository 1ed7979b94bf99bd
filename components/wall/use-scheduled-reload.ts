"use client";

import { useEffect, useState } from "react";
import { useClock } from "@/components/hooks/use-now";
import type { RefreshLog } from "@/lib/wall/freshness";
import { anyNewFailure, type SeenFailures } from "@/lib/wall/new-failures";
import { reloadDue } from "@/lib/wall/reload-schedule";

/**
 * A reload every `everyHours` caps what a browser left on for weeks holds, at a quiet moment: only after
 * a refresh that worked, and not while a new failure is highlighted. Asked each second of the page's one
 * clock; the screen renders again only when the answer turns to yes.
 */
export function useScheduledReload(everyHours: number, log: RefreshLog, seen: SeenFailures) {
  const [loadedAt] = useState(Date.now);
  const lastRefreshOk = log.settledAt !== null && log.misses === 0;
  const due = useClock((now) =>
    reloadDue({ loadedAt, now, everyHours, lastRefreshOk, highlighting: anyNewFailure(seen, now) }),
  );
  useEffect(() => {
    if (due) window.location.reload();
  }, [due]);
}
