// GET /api/jobs/[jobId]/events: the CommCell's event log for one job, newest first, as this viewer may see it.

import { NO_STORE } from "@/lib/api/api-error";
import { withViewer } from "@/lib/api/handle";
import { jobEvents, parseJobId } from "@/lib/api/job-detail";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ jobId: string }> },
): Promise<Response> {
  const { jobId } = await context.params;
  return withViewer(request, async (viewer) =>
    Response.json(await jobEvents(viewer, parseJobId(jobId)), { headers: NO_STORE }),
  );
}
