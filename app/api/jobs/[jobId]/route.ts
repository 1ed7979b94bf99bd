// GET /api/jobs/[jobId]: one job, and its JobDetails when the CommCell has them.

import { NO_STORE } from "@/lib/api/api-error";
import { withViewer } from "@/lib/api/handle";
import { jobDetail, parseJobId } from "@/lib/api/job-detail";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ jobId: string }> },
): Promise<Response> {
  const { jobId } = await context.params;
  return withViewer(request, async (viewer) =>
    Response.json(await jobDetail(viewer, parseJobId(jobId)), { headers: NO_STORE }),
  );
}
