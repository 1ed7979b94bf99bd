// /api/wall's work apart from HTTP: the jobs of the filters' upstream query through the shared cache (a
// wall and a /jobs page on the same filters share one CommCell request), filtered, then summarised.

import "server-only";
import type { FetchedJobs } from "@/lib/commcell/job-fetch";
import { type JobFilters, serializeFilters } from "@/lib/jobs/filters";
import { filterJobs } from "@/lib/jobs/select";
import { type WallSummary, wallSummary } from "@/lib/jobs/wall-summary";
import { answerMemo } from "./answer-memo";
import { type TaggedBody, taggedView } from "./etag";
import { cachedJobs } from "./job-view";
import { getRuntime } from "./runtime";
import type { Viewer } from "./viewer";

export interface WallView {
  readonly summary: WallSummary;
  /** When the CommCell gave this data (ISO). */
  readonly fetchedAt: string;
  readonly stale: boolean;
  readonly error: { readonly code: string; readonly message: string } | null;
}

// A summary of 100,000 jobs takes about a tenth of a second; screens on the same filters share one, made
// again when the answer changes or after the refresh floor (the only time-dependent figures, how long jobs
// have waited, move no faster than a screen may refresh).
const summaries = answerMemo<{ readonly at: number; readonly summary: WallSummary }>(32);

function summaryOf(answer: FetchedJobs, filters: JobFilters, now: number): WallSummary {
  return summaries.get(
    answer,
    serializeFilters(filters).toString(),
    () => ({ at: now, summary: wallSummary(filterJobs(answer.jobs, filters), now) }),
    (kept) => now - kept.at < getRuntime().server.refreshFloorMs,
  ).summary;
}

/** The JSON of a wall's view and its tag, made once per summary and answer state, not once per request. */
const bodies = answerMemo<TaggedBody>(32);

/**
 * What a wall shows, as JSON with its entity tag: twenty screens polling an unchanged summary get 304s. The
 * server's time, which changes on every request, travels in a header (SERVER_TIME_HEADER) instead.
 */
export async function wallViewBody(viewer: Viewer, filters: JobFilters): Promise<TaggedBody> {
  const answer = await cachedJobs(viewer, filters);
  const summary = summaryOf(answer.value, filters, Date.now());
  const state = `${answer.fetchedAt}|${answer.stale}|${answer.error?.message ?? ""}`;
  // Keyed by the summary's own identity too: it is remade after the refresh floor, on the same answer.
  return bodies.get(summary, state, () => {
    const content: Omit<WallView, "fetchedAt"> = {
      summary,
      stale: answer.stale,
      error: answer.error ? { code: `commcell_${answer.error.kind}`, message: answer.error.message } : null,
    };
    return taggedView(content, new Date(answer.fetchedAt).toISOString());
  });
}
