// GET /api/jobs: jobs matching the URL filters, fetched through the cache with the viewer's identity; 304
// to a poller whose If-None-Match names the answer it already has.

import { refuseBadParams } from "@/lib/api/api-error";
import { conditionalJson } from "@/lib/api/etag";
import { withViewer } from "@/lib/api/handle";
import { jobViewBody } from "@/lib/api/job-view";
import { parseFilters } from "@/lib/jobs/filters";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withViewer(request, async (viewer) => {
    const { filters, problems } = parseFilters(new URL(request.url).searchParams);
    refuseBadParams(problems);
    return conditionalJson(request, await jobViewBody(viewer, filters));
  });
}
