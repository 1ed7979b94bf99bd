// GET /api/jobs: jobs matching the URL filters, fetched through the cache with the viewer's identity.

import { NO_STORE, refuseBadParams } from "@/lib/api/api-error";
import { withViewer } from "@/lib/api/handle";
import { jobView } from "@/lib/api/job-view";
import { parseFilters } from "@/lib/jobs/filters";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withViewer(request, async (viewer) => {
    const { filters, problems } = parseFilters(new URL(request.url).searchParams);
    refuseBadParams(problems);
    return Response.json(await jobView(viewer, filters), { headers: NO_STORE });
  });
}
