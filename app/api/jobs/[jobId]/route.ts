// GET /api/jobs/[jobId]: one job, and its JobDetails when the CommCell has them.

import { ApiError, NO_STORE } from "@/lib/api/api-error";
import { withViewer } from "@/lib/api/handle";
import { isCommCellError } from "@/lib/commcell/errors";
import { parseJobList } from "@/lib/commcell/parse-job-list";
import { authenticatedRequest } from "@/lib/commcell/session";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ jobId: string }> },
): Promise<Response> {
  const { jobId } = await context.params;
  return withViewer(request, async (viewer) => {
    if (!/^\d{1,15}$/.test(jobId) || Number(jobId) === 0) {
      throw new ApiError(
        400,
        "invalid_parameter",
        `jobId must be a positive whole number (got "${jobId}")`,
        "jobId",
      );
    }
    const answer = await authenticatedRequest(viewer.upstream, `Job/${jobId}`, {
      headers: { Accept: "application/json" },
    });
    const job = parseJobList(answer.body, answer.contentType).jobs[0];
    if (!job)
      throw new ApiError(404, "not_found", `The CommCell has no job ${jobId}, or it is not visible to you.`);
    // Details are extra: a CommCell that cannot give them still gives the job.
    let details: unknown = null;
    try {
      const response = await authenticatedRequest(viewer.upstream, "JobDetails", {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ jobId: Number(jobId) }),
      });
      details = (JSON.parse(response.body) as { job?: { jobDetail?: unknown } }).job?.jobDetail ?? null;
    } catch (error) {
      if (!isCommCellError(error) && !(error instanceof SyntaxError)) throw error;
    }
    return Response.json({ job, details, fetchedAt: new Date().toISOString() }, { headers: NO_STORE });
  });
}
