// /api/wall's work apart from HTTP: the jobs of the filters' upstream query through the shared cache (a
// wall and a /jobs page on the same filters share one CommCell request), filtered, then summarised.

import "server-only";
import type { FetchedJobs } from "@/lib/commcell/job-fetch";
import { type JobFilters, serializeFilters } from "@/lib/jobs/filters";
import { filterJobs } from "@/lib/jobs/select";
import { type WallSummary, wallSummary } from "@/lib/jobs/wall-summary";
import { answerMemo } from "./answer-memo";
import { cachedJobs } from "./job-view";
import { getRuntime } from "./runtime";
import type { Viewer } from "./viewer";

export interface WallView {
  readonly summary: WallSummary;
  /** When the CommCell gave this data (ISO). */
  readonly fetchedAt: string;
  /** The server's clock when it answered (ISO): the wall measures age on it, not on the TV's clock. */
  readonly serverTime: string;
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

export async function wallView(viewer: Viewer, filters: JobFilters): Promise<WallView> {
  const answer = await cachedJobs(viewer, filters);
  const now = Date.now();
  return {
    summary: summaryOf(answer.value, filters, now),
    fetchedAt: new Date(answer.fetchedAt).toISOString(),
    serverTime: new Date(now).toISOString(),
    stale: answer.stale,
    error: answer.error ? { code: `commcell_${answer.error.kind}`, message: answer.error.message } : null,
  };
}
