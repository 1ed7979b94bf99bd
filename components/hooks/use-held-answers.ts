"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { type Derived, type Refreshed, refreshHeld } from "@/lib/client/fetch-api";

/**
 * What the explorer's and the wall's queries share: the tag of each view's last answer, and the refresh
 * that sends it, so that a poll of an unchanged view is a 304 and the answer held (React Query's data for
 * `[kind, query]`) stays.
 */
export function useHeldAnswers<T>(kind: "jobs" | "wall") {
  const queryClient = useQueryClient();
  const tags = useRef(new Map<string, string>());
  return useMemo(
    () => ({
      heldTag: (apiQuery: string) => tags.current.get(apiQuery) ?? null,
      /** With `derived`, the page shows rows it computed and asks the server to confirm them. */
      refresh: async (apiQuery: string, signal: AbortSignal, derived?: Derived<T>): Promise<Refreshed<T>> => {
        const held = queryClient.getQueryData<T>([kind, apiQuery]);
        const answer = await refreshHeld(
          `/api/${kind}?${apiQuery}`,
          signal,
          held,
          tags.current.get(apiQuery) ?? null,
          derived,
        );
        if (answer.etag) tags.current.set(apiQuery, answer.etag);
        return answer;
      },
    }),
    [queryClient, kind],
  );
}
