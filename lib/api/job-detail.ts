// One job and its JobDetails, for /api/jobs/[jobId] and the job page alike.

import "server-only";
import { fetchJob, fetchJobDetails } from "@/lib/commcell/job-details";
import { fetchJobEvents } from "@/lib/commcell/job-events";
import type { Job } from "@/lib/jobs/job";
import type { JobDetails } from "@/lib/jobs/job-details";
import type { JobEvent } from "@/lib/jobs/job-events";
import { ApiError } from "./api-error";
import { getRuntime } from "./runtime";
import { asSeenBy, type Viewer } from "./viewer";

export interface JobDetail {
  readonly job: Job;
  /** The allow-listed part of the CommCell's JobDetails, or null when it has none. */
  readonly details: JobDetails | null;
  readonly fetchedAt: string;
}

export function parseJobId(text: string): number {
  if (!/^\d{1,15}$/.test(text) || Number(text) === 0) {
    throw new ApiError(
      400,
      "invalid_parameter",
      `jobId must be a positive whole number (got "${text.slice(0, 40)}")`,
      "jobId",
    );
  }
  return Number(text);
}

/** A job's record and JobDetails, or null when the CommCell has no such job for this viewer. */
type Read = { readonly job: Job; readonly details: JobDetails | null; readonly fetchedAt: string } | null;

/** Through the brief per-identity reads (see JobReads): reloads and many screens of one job ask once. */
export async function jobDetail(viewer: Viewer, jobId: number): Promise<JobDetail> {
  const read = await asSeenBy(
    viewer,
    getRuntime().jobReads.get(viewer.cacheKey, "detail", jobId, async (): Promise<Read> => {
      const job = await fetchJob(viewer.upstream, jobId);
      if (!job) return null;
      const details = await fetchJobDetails(viewer.upstream, jobId);
      return { job, details, fetchedAt: new Date().toISOString() };
    }),
  );
  if (!read)
    throw new ApiError(404, "not_found", `The CommCell has no job ${jobId}, or it is not visible to you.`);
  return read;
}

/** The job's events, newest first, through the same brief per-identity reads. */
export async function jobEvents(
  viewer: Viewer,
  jobId: number,
): Promise<{ readonly events: readonly JobEvent[]; readonly fetchedAt: string }> {
  return asSeenBy(
    viewer,
    getRuntime().jobReads.get(viewer.cacheKey, "events", jobId, async () => ({
      events: await fetchJobEvents(viewer.upstream, jobId),
      fetchedAt: new Date().toISOString(),
    })),
  );
}
