// /api/wall's work apart from HTTP: the jobs of the filters' upstream query through the shared cache (a
// wall and a /jobs page on the same filters share one CommCell request), filtered, then summarised.

import "server-only";
import { FULL_REFRESH_MS } from "@/lib/commcell/job-refresh";
import { type JobFilters, serializeFilters } from "@/lib/jobs/filters";
import { filterJobs } from "@/lib/jobs/select";
import { updateWallState, type WallState, wallState } from "@/lib/jobs/wall-state";
import { type WallSummary, wallSummaryOf } from "@/lib/jobs/wall-summary";
import { answerMemo } from "./answer-memo";
import { type TaggedBody, taggedView } from "./etag";
import { incrementalMemo } from "./incremental-memo";
import { cachedJobs, type KeyedJobs } from "./job-view";
import { getRuntime } from "./runtime";
import type { Viewer } from "./viewer";

export interface WallView {
  readonly summary: WallSummary;
  /** When the CommCell gave this data (ISO). */
  readonly fetchedAt: string;
  readonly stale: boolean;
  readonly error: { readonly code: string; readonly message: string } | null;
}

// The wall's state per answer and filters, brought up to date with what a refresh changed (wall-state.ts):
// made whole from 100,000 jobs it held the server's thread for about 55 ms on the first request after every
// refresh. Lines live as the explorer's do (job-view.ts): a full fetch makes every job new.
const states = incrementalMemo<WallState>({ perAnswer: 32, lines: 64, idleMs: FULL_REFRESH_MS });

function stateOf(answer: KeyedJobs, filters: JobFilters): WallState {
  const key = serializeFilters(filters).toString();
  return states.get(
    answer.value,
    `${answer.key}|${key}`,
    key,
    () => wallState(filterJobs(answer.value.jobs, filters)),
    (kept, changes) => updateWallState(kept, changes, filters),
  );
}

// Screens on the same filters share one summary of a state, made again after the refresh floor on the same
// state: how long jobs have waited, the only figures that move with the clock, move no faster than a screen
// may refresh.
const summaries = answerMemo<{ readonly at: number; readonly summary: WallSummary }>(1);

function summaryOf(state: WallState, now: number): WallSummary {
  return summaries.get(
    state,
    "",
    () => ({ at: now, summary: wallSummaryOf(state, now) }),
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
  const summary = summaryOf(stateOf(answer, filters), Date.now());
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
