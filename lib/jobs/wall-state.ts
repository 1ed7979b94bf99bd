// What a wall's summary is made from, kept so that a refresh's few changed jobs bring it up to date instead
// of every job of the answer being filtered and summarised again. Made whole, the summary of a 100,000-job
// answer held the server's only thread for about 55 ms on the first /api/wall after each refresh; updated,
// it costs about what the refresh changed. Immutable: an update copies what it touches and shares the rest,
// so a request still holding the previous answer is still told that answer's summary.
//
// Only what moves with the clock (how long a job has waited, the order of active jobs) is left to the
// summary (wall-summary.ts), and that is worked out from the few live jobs, not from all of them.

import type { JobFilters } from "./filters";
import type { Job } from "./job";
import type { JobChanges } from "./job-changes";
import { countByStatus, type StatusCounts } from "./metrics";
import { savingsDayOf } from "./overview-metrics";
import { STOPPED } from "./reason-class";
import { filterJobs } from "./select";
import { FAILURE } from "./status-groups";
import type { StatusKind } from "./statuses";

export interface WallState {
  readonly counts: StatusCounts;
  /** Failed, failed to start, killed and interrupted jobs, newest first (see `newestFailureFirst`). */
  readonly failed: readonly Job[];
  /** Active jobs and stopped ones (waiting, queued, suspended...): the jobs whose figures move with time. */
  readonly live: ReadonlySet<Job>;
  /** Finished jobs with sizes, by the day number they ended on (UTC). */
  readonly days: ReadonlyMap<number, ReadonlySet<Job>>;
  /** Finished jobs left out of savings for want of sizes. */
  readonly withoutSizes: number;
}

const finishedAt = (job: Job) => job.endTime ?? job.startTime ?? 0;

/** Newest first; the job id breaks ties, since ids grow with submission. A total order: ids are unique. */
const newestFailureFirst = (a: Job, b: Job): number => finishedAt(b) - finishedAt(a) || b.id - a.id;

const isLive = (job: Job) => job.active || STOPPED.has(job.statusKind);

/** The state of a view's jobs (already filtered), made from all of them. */
export function wallState(jobs: readonly Job[]): WallState {
  const days = new Map<number, Set<Job>>();
  const live = new Set<Job>();
  let withoutSizes = 0;
  for (const job of jobs) {
    if (isLive(job)) live.add(job);
    const place = savingsDayOf(job);
    if (place === "unsized") withoutSizes++;
    else if (place !== "none") {
      const day = days.get(place);
      if (day) day.add(job);
      else days.set(place, new Set([job]));
    }
  }
  return {
    counts: countByStatus(jobs),
    failed: jobs.filter((job) => FAILURE.has(job.statusKind)).sort(newestFailureFirst),
    live,
    days,
    withoutSizes,
  };
}

/** Two lists in `order` as one, in one pass. */
function merged(a: readonly Job[], b: readonly Job[], order: (x: Job, y: Job) => number): Job[] {
  const out: Job[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (order(a[i] as Job, b[j] as Job) <= 0) out.push(a[i++] as Job);
    else out.push(b[j++] as Job);
  }
  while (i < a.length) out.push(a[i++] as Job);
  while (j < b.length) out.push(b[j++] as Job);
  return out;
}

/**
 * `state` (of the jobs of an earlier answer that match `filters`) brought up to date with the changes to the
 * next answer: the same state as `wallState(filterJobs(next, filters))`, at the cost of the changes and a
 * copy of the failed list, not a pass over every job.
 */
export function updateWallState(state: WallState, changes: JobChanges, filters: JobFilters): WallState {
  // Only jobs the view shows were counted in, so only those are counted out.
  const removed = filterJobs(changes.removed, filters);
  const added = filterJobs(changes.added, filters);
  if (removed.length === 0 && added.length === 0) return state;

  const counts: Record<StatusKind, number> = { ...state.counts };
  for (const job of removed) counts[job.statusKind]--;
  for (const job of added) counts[job.statusKind]++;

  const gone = new Set(removed.filter((job) => FAILURE.has(job.statusKind)));
  const incoming = added.filter((job) => FAILURE.has(job.statusKind)).sort(newestFailureFirst);
  const failed =
    gone.size === 0 && incoming.length === 0
      ? state.failed
      : merged(
          gone.size === 0 ? state.failed : state.failed.filter((job) => !gone.has(job)),
          incoming,
          newestFailureFirst,
        );

  const live = new Set(state.live);
  for (const job of removed) live.delete(job);
  for (const job of added) if (isLive(job)) live.add(job);

  // The day map is copied; of its sets only the touched days' are.
  const days = new Map(state.days);
  const copied = new Set<number>();
  const dayToChange = (place: number) => {
    let day = days.get(place) as Set<Job> | undefined;
    if (!day || !copied.has(place)) {
      day = new Set(day);
      days.set(place, day);
      copied.add(place);
    }
    return day;
  };
  let withoutSizes = state.withoutSizes;
  for (const job of removed) {
    const place = savingsDayOf(job);
    if (place === "unsized") withoutSizes--;
    else if (place !== "none") {
      const day = dayToChange(place);
      day.delete(job);
      if (day.size === 0) days.delete(place);
    }
  }
  for (const job of added) {
    const place = savingsDayOf(job);
    if (place === "unsized") withoutSizes++;
    else if (place !== "none") dayToChange(place).add(job);
  }
  return { counts, failed, live, days, withoutSizes };
}
