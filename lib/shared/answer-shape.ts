// What a job-list answer read back from Redis must look like before it is served: sealed by this
// deployment, it should always be, but a value from another build (or a bug) must be ignored, not cast
// and shown. The check is of the parts the pages index and sort on, in one pass: cheap beside the gunzip.

import type { FetchedJobs } from "@/lib/commcell/job-fetch";
import { STATUS_KINDS } from "@/lib/jobs/statuses";

const KINDS: ReadonlySet<string> = new Set(STATUS_KINDS);

const isCount = (value: unknown) => typeof value === "number" && Number.isFinite(value) && value >= 0;
const isTimeOrNull = (value: unknown) =>
  value === null || (typeof value === "number" && Number.isFinite(value));

/** Whether `value` has the shape of FetchedJobs (and so may be served as one). */
export function isFetchedJobs(value: unknown): value is FetchedJobs {
  if (typeof value !== "object" || value === null) return false;
  const answer = value as Partial<Record<keyof FetchedJobs, unknown>>;
  if (!Array.isArray(answer.jobs) || !isCount(answer.upstreamTotal) || !isCount(answer.pages)) return false;
  if (!isCount(answer.durationMs) || typeof answer.clockOffsetMs !== "number") return false;
  const dropped = answer.dropped as { hidden?: unknown; unreadable?: unknown } | undefined;
  if (!dropped || !isCount(dropped.hidden) || !isCount(dropped.unreadable)) return false;
  for (const job of answer.jobs as unknown[]) {
    if (typeof job !== "object" || job === null) return false;
    const { id, statusKind, active, startTime, endTime, clientGroups } = job as Record<string, unknown>;
    if (!Number.isSafeInteger(id) || (id as number) <= 0) return false;
    if (typeof statusKind !== "string" || !KINDS.has(statusKind) || typeof active !== "boolean") return false;
    if (!isTimeOrNull(startTime) || !isTimeOrNull(endTime) || !Array.isArray(clientGroups)) return false;
  }
  return true;
}
