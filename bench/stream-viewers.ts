// Viewers on the push channel, as the explorer is: each screen asks for its view once as the page does when
// it opens (its first answer) and opens one /api/stream of the view beside it; after that it fetches the
// view (with the tag it holds) only when a notice names a tag it does not hold, after the moment of its own
// that the notice's spread allows. The two phases are reported apart: a hundred screens opened in the same
// few milliseconds are a herd made by the bench (their stream opens and first answers queue behind each
// other on the server's one thread), while the fetches on notices are what a refresh costs every screen.

import { noticeDelayMs } from "../lib/client/notice-spread";
import type { ViewNotice } from "../lib/client/view-stream";
import { forEachEvent } from "../lib/test/sse-events";
import { percentile } from "./load";
import { pageFetch } from "./page-fetch";

export interface StreamViewersResult {
  /** The screens' first answers, asked at once as they opened. */
  readonly firstAnswers: { readonly p50: number; readonly p99: number };
  /** Fetches made because a notice named a new answer. */
  readonly fetches: number;
  readonly p50: number;
  readonly p99: number;
  /** From the answer's fetchedAt to the viewer holding it, ms: p99 over every new answer a viewer got. */
  readonly seenP99: number;
  /** Notices of a new answer: every viewer should fetch once per notice. */
  readonly newAnswers: number;
  readonly failures: number;
}

export async function streamViewers(
  origin: string,
  query: string,
  viewers: number,
  forMs: number,
): Promise<StreamViewersResult> {
  const first: number[] = [];
  const latencies: number[] = [];
  const seen: number[] = [];
  const newTags = new Set<string>();
  let failures = 0;
  const until = Date.now() + forMs;
  const viewer = async () => {
    let held: string | null = null;
    let heldFetchedAt = "";
    const fetchView = async (into: number[]) => {
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
      into.push(performance.now() - started);
    };
    const opened = fetchView(first).catch(() => {
      failures++;
    });
    const stream = await fetch(`${origin}/api/stream?view=${encodeURIComponent(`jobs:${query}`)}`);
    await forEachEvent(stream, until, async ({ event, data }) => {
      if (event !== "view") return;
      // As the explorer does: a notice is weighed against the answer the page holds once it has one.
      await opened;
      const etag = (data as { etag?: string }).etag;
      if (etag === undefined || etag === held) return;
      newTags.add(etag);
      await new Promise((resolve) => setTimeout(resolve, noticeDelayMs(data as ViewNotice)));
      await fetchView(latencies).catch(() => failures++);
    });
  };
  await Promise.all(Array.from({ length: viewers }, viewer));
  first.sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  seen.sort((a, b) => a - b);
  return {
    firstAnswers: { p50: percentile(first, 50), p99: percentile(first, 99) },
    fetches: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    seenP99: percentile(seen, 99),
    newAnswers: newTags.size,
    failures,
  };
}
