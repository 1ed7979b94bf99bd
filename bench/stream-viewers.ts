// Viewers on the push channel, as the explorer is: each holds one /api/stream of its view and fetches the
// view (with the tag it holds) when a notice names a new tag. Reports the fetches' latencies and how long
// after the server had each new answer (its fetchedAt) the viewer had it.

import { noticeDelayMs } from "../lib/client/notice-spread";
import type { ViewNotice } from "../lib/client/view-stream";
import { forEachEvent } from "../lib/test/sse-events";
import { percentile } from "./load";
import { pageFetch } from "./page-fetch";

export interface StreamViewersResult {
  readonly fetches: number;
  readonly p50: number;
  readonly p99: number;
  /** From the answer's fetchedAt to the viewer holding it, ms: p99 over every new answer a viewer got. */
  readonly seenP99: number;
  readonly failures: number;
}

export async function streamViewers(
  origin: string,
  query: string,
  viewers: number,
  forMs: number,
): Promise<StreamViewersResult> {
  const latencies: number[] = [];
  const seen: number[] = [];
  let failures = 0;
  const until = Date.now() + forMs;
  const viewer = async () => {
    let held: string | null = null;
    let heldFetchedAt = "";
    const stream = await fetch(`${origin}/api/stream?view=${encodeURIComponent(`jobs:${query}`)}`);
    const fetchView = async () => {
      const started = performance.now();
      const response = await pageFetch(`${origin}/api/jobs?${query}`, held);
      if (response.status === 200) {
        const body = JSON.parse(response.text ?? "") as { fetchedAt: string };
        held = response.etag;
        if (body.fetchedAt !== heldFetchedAt) {
          if (heldFetchedAt !== "") seen.push(Date.now() - Date.parse(body.fetchedAt));
          heldFetchedAt = body.fetchedAt;
        }
      } else if (response.status !== 304) failures++;
      latencies.push(performance.now() - started);
    };
    await forEachEvent(stream, until, async ({ event, data }) => {
      if (event !== "view" || (data as { etag?: string }).etag === held) return;
      // As the explorer does: each screen waits a moment of its own, within the window the notice names.
      await new Promise((resolve) => setTimeout(resolve, noticeDelayMs(data as ViewNotice)));
      await fetchView().catch(() => failures++);
    });
  };
  await Promise.all(Array.from({ length: viewers }, viewer));
  latencies.sort((a, b) => a - b);
  seen.sort((a, b) => a - b);
  return {
    fetches: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    seenP99: percentile(seen, 99),
    failures,
  };
}
