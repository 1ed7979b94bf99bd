"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { WallView } from "@/lib/api/wall-view";
import { fetchApi } from "@/lib/client/fetch-api";
import { EMPTY_LOG, recordAnswer, recordFailure } from "@/lib/wall/freshness";

/**
 * /api/wall for a query, polled every `intervalMs` whatever the browser thinks of the tab, with the log
 * of answers and misses that the freshness banner is measured from (on the server's clock).
 */
export function useWallView(apiQuery: string, intervalMs: number) {
  const [log, setLog] = useState(EMPTY_LOG);
  const view = useQuery({
    queryKey: ["wall", apiQuery],
    queryFn: async ({ signal }) => {
      try {
        const answer = await fetchApi<WallView>(`/api/wall?${apiQuery}`, signal);
        const received = {
          fetchedAt: Date.parse(answer.fetchedAt),
          serverTime: Date.parse(answer.serverTime),
          stale: answer.stale,
          error: answer.error?.message ?? null,
        };
        setLog((current) => recordAnswer(current, received, Date.now()));
        return answer;
      } catch (error) {
        if (!signal.aborted)
          setLog((current) => recordFailure(current, (error as Error).message, Date.now()));
        throw error;
      }
    },
    refetchInterval: intervalMs,
    // A TV must never freeze: keep polling when the browser thinks nobody is looking.
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    // Each refresh is one attempt, so two misses mean two intervals without news.
    retry: false,
    placeholderData: keepPreviousData,
  });
  return { view, log } as const;
}
