// /api/wall's work apart from HTTP: the jobs of the filters' upstream query through the shared cache (a
// wall and a /jobs page on the same filters share one CommCell request), filtered, then summarised.

import "server-only";
import type { JobFilters } from "@/lib/jobs/filters";
import { filterJobs } from "@/lib/jobs/select";
import { type WallSummary, wallSummary } from "@/lib/jobs/wall-summary";
import { cachedJobs } from "./job-view";
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

export async function wallView(viewer: Viewer, filters: JobFilters): Promise<WallView> {
  const { answer } = await cachedJobs(viewer, filters);
  const now = Date.now();
  return {
    summary: wallSummary(filterJobs(answer.value.jobs, filters), now),
    fetchedAt: new Date(answer.fetchedAt).toISOString(),
    serverTime: new Date(now).toISOString(),
    stale: answer.stale,
    error: answer.error ? { code: `commcell_${answer.error.kind}`, message: answer.error.message } : null,
  };
}
