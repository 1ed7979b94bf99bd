"use client";

import { useEffect, useRef, useState } from "react";
import { parseSeen, type SeenFailures, serializeSeen, trackFailures } from "@/lib/wall/new-failures";

/**
 * When the screen first saw each failure, so that new ones are highlighted; kept in sessionStorage per
 * view, so the screen's own reloads do not make old failures new again.
 */
export function useSeenFailures(
  viewKey: string,
  failures: readonly { readonly id: number }[] | undefined,
): SeenFailures {
  const storageKey = `cjm-wall-seen:${viewKey}`;
  const [seen, setSeen] = useState<SeenFailures>(new Map());
  const started = useRef<string | null>(null);
  const failureIds = failures?.map((row) => row.id).join(",");
  useEffect(() => {
    if (failureIds === undefined) return;
    setSeen((current) => {
      const previous =
        started.current === storageKey ? current : parseSeen(sessionStorage.getItem(storageKey));
      started.current = storageKey;
      const ids = failureIds === "" ? [] : failureIds.split(",").map(Number);
      const next = trackFailures(previous, ids, Date.now());
      try {
        sessionStorage.setItem(storageKey, serializeSeen(next));
      } catch {
        // Storage full or refused: highlights then only last until the next reload.
      }
      return next;
    });
  }, [failureIds, storageKey]);
  return seen;
}
