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
