// One job and its JobDetails, for /api/jobs/[jobId] and the job page alike.

import "server-only";
import { isCommCellError } from "@/lib/commcell/errors";
import { parseJobList } from "@/lib/commcell/parse-job-list";
import { authenticatedRequest } from "@/lib/commcell/session";
import type { Job } from "@/lib/jobs/job";
import { ApiError } from "./api-error";
import type { Viewer } from "./viewer";

export interface JobDetail {
  readonly job: Job;
  /** The CommCell's JobDetails (`generalInfo`, `progressInfo`, `detailInfo`), or null when it has none. */
  readonly details: Record<string, unknown> | null;
  readonly fetchedAt: string;
}

export function parseJobId(text: string): number {
  if (!/^\d{1,15}$/.test(text) || Number(text) === 0) {
    throw new ApiError(
      400,
      "invalid_parameter",
      `jobId must be a positive whole number (got "${text}")`,
      "jobId",
    );
  }
  return Number(text);
}

export async function jobDetail(viewer: Viewer, jobId: number): Promise<JobDetail> {
  const answer = await authenticatedRequest(viewer.upstream, `Job/${jobId}`, {
    headers: { Accept: "application/json" },
  });
  const job = parseJobList(answer.body, answer.contentType).jobs[0];
  if (!job)
    throw new ApiError(404, "not_found", `The CommCell has no job ${jobId}, or it is not visible to you.`);
  // Details are extra: a CommCell that cannot give them still gives the job.
  let details: Record<string, unknown> | null = null;
  try {
    const response = await authenticatedRequest(viewer.upstream, "JobDetails", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ jobId }),
    });
    const detail = (JSON.parse(response.body) as { job?: { jobDetail?: unknown } }).job?.jobDetail;
    details = typeof detail === "object" && detail !== null ? (detail as Record<string, unknown>) : null;
  } catch (error) {
    if (!isCommCellError(error) && !(error instanceof SyntaxError)) throw error;
  }
  return { job, details, fetchedAt: new Date().toISOString() };
}
