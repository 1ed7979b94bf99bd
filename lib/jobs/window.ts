// A window is a promise: a view "over the last 24h" holds no job that finished before it, whatever the
// CommCell sent (one that ignores completedJobLookupTime, or an incremental refresh whose old jobs aged
// out). Measured on the CommCell's clock, since job times are the CommCell's, with a small tolerance for
// the estimate of that clock.

import type { Job } from "./job";

/** Slack on the CommCell-clock estimate (its Date header has whole seconds, and travel time). */
export const WINDOW_TOLERANCE_MS = 2 * 60_000;

/** When a finished job counts as finished, for its window: its end, else its last update or start. */
function finishedAt(job: Job): number | null {
  return job.endTime ?? job.lastUpdateTime ?? job.startTime;
}

/**
 * The jobs inside a look-back of `lookupSeconds` ending at `commcellNow` (epoch ms on the CommCell's
 * clock). Active jobs are kept whenever they started, as the CommCell's own lookup does; a finished job
 * without any time cannot be placed and is kept.
 */
export function withinWindow(jobs: readonly Job[], lookupSeconds: number, commcellNow: number): Job[] {
  return jobs.filter(inWindow(lookupSeconds, commcellNow));
}

/** Whether a job is inside that look-back: withinWindow's test, for a pass that does more than filter. */
export function inWindow(lookupSeconds: number, commcellNow: number): (job: Job) => boolean {
  const earliest = commcellNow - lookupSeconds * 1000 - WINDOW_TOLERANCE_MS;
  return (job) => {
    if (job.active) return true;
    const at = finishedAt(job);
    return at === null || at >= earliest;
  };
}
