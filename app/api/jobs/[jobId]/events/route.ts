// GET /api/jobs/[jobId]/events: the CommCell's event log for one job, newest first, as this viewer may see it.

import { NO_STORE } from "@/lib/api/api-error";
import { withViewer } from "@/lib/api/handle";
import { parseJobId } from "@/lib/api/job-detail";
import { fetchJobEvents } from "@/lib/commcell/job-events";

export const dynamic = "force-dynamic";

export async function GET(
  request: Request,
  context: { params: Promise<{ jobId: string }> },
): Promise<Response> {
  const { jobId } = await context.params;
  return withViewer(request, async (viewer) => {
    const id = parseJobId(jobId);
    return Response.json(
      { events: await fetchJobEvents(viewer.upstream, id), fetchedAt: new Date().toISOString() },
      { headers: NO_STORE },
    );
  });
}
