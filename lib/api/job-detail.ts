// One job and its JobDetails, for /api/jobs/[jobId] and the job page alike.

import "server-only";
import { fetchJob, fetchJobDetails } from "@/lib/commcell/job-details";
import type { Job } from "@/lib/jobs/job";
import type { JobDetails } from "@/lib/jobs/job-details";
import { ApiError } from "./api-error";
import type { Viewer } from "./viewer";

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

export async function jobDetail(viewer: Viewer, jobId: number): Promise<JobDetail> {
  const job = await fetchJob(viewer.upstream, jobId);
  if (!job)
    throw new ApiError(404, "not_found", `The CommCell has no job ${jobId}, or it is not visible to you.`);
  const details = await fetchJobDetails(viewer.upstream, jobId);
  return { job, details, fetchedAt: new Date().toISOString() };
}
