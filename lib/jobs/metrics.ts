// Aggregations over normalized jobs, for tiles and charts. Pure: components only draw what these return.

import type { Job } from "./job";
import { STATUS_KINDS, type StatusKind } from "./statuses";

export type StatusCounts = Readonly<Record<StatusKind, number>>;

/** How many jobs have each status kind; every kind is present, with 0 where there are none. */
export function countByStatus(jobs: readonly Job[]): StatusCounts {
  const counts = Object.fromEntries(STATUS_KINDS.map((kind) => [kind, 0])) as Record<StatusKind, number>;
  for (const job of jobs) counts[job.statusKind]++;
  return counts;
}

/**
 * How long a waiting, pending, queued or suspended job has been so, in seconds: such a job reports nothing
 * new, so its last update is when it stopped. Null for jobs that are running or finished, or that say nothing.
 */
export function stoppedSeconds(
  job: Pick<Job, "active" | "statusKind" | "lastUpdateTime">,
  now: number,
): number | null {
  if (!job.active || job.statusKind === "running" || job.lastUpdateTime === null) return null;
  return Math.max(0, Math.round((now - job.lastUpdateTime) / 1000));
}
