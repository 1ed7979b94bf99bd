"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useHeldAnswers } from "@/components/hooks/use-held-answers";
import { usePushedRefresh } from "@/components/hooks/use-pushed-refresh";
import { useViewStream } from "@/components/hooks/use-view-stream";
import type { WallView } from "@/lib/api/wall-view";
import { SERVER_TIME_HEADER } from "@/lib/http/server-time";
import { EMPTY_LOG, recordAnswer, recordFailure } from "@/lib/wall/freshness";

/**
 * /api/wall for a query, polled every `intervalMs` whatever the browser thinks of the tab, with the log
 * of answers and misses that the freshness banner is measured from (on the server's clock). Each poll
 * sends the tag of the summary held: an unchanged one is a 304 of no body, and still a refresh that
 * arrived (with the server's time in its header).
 */
export function useWallView(apiQuery: string, intervalMs: number) {
  const [log, setLog] = useState(EMPTY_LOG);
  const held = useHeldAnswers<WallView>("wall");
  const stream = useViewStream(`wall:${apiQuery}`);
  const view = useQuery({
    queryKey: ["wall", apiQuery],
    queryFn: async ({ signal }) => {
      try {
        const tagged = await held.refresh(apiQuery, signal);
        const answer = tagged.data;
        // A server (or proxy) that left the header out: the TV's clock is all there is.
        const serverTime = Number(tagged.headers.get(SERVER_TIME_HEADER)) || Date.now();
        const received = {
          fetchedAt: Date.parse(answer.fetchedAt),
          serverTime,
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
  // A new summary is fetched as soon as the push channel tells of it; the polling stays, whatever the
  // stream says, because each poll is also the proof the freshness banner is measured from.
  usePushedRefresh({
    stream,
    heldTag: () => held.heldTag(apiQuery),
    fetchedAt: view.dataUpdatedAt,
    minGapMs: 0,
    refetch: () => void view.refetch(),
    skipsWhenHidden: false,
  });
  return { view, log } as const;
}
