// GET /api/jobs: jobs matching the URL filters, fetched through the cache with the viewer's identity; 304
// to a poller whose If-None-Match names the answer it already has; the view without its rows to a page
// that derived them from a view it holds, when they are the server's own (lib/http/derived-rows.ts).

import { refuseBadParams } from "@/lib/api/api-error";
import { DERIVED_FROM_HEADERS, derivedFromOf } from "@/lib/api/derived-from";
import { conditionalJson } from "@/lib/api/etag";
import { withViewer } from "@/lib/api/handle";
import { confirmedJobViewBody, jobViewBody } from "@/lib/api/job-view";
import { DERIVED_ROWS_CONFIRMED, DERIVED_ROWS_HEADER } from "@/lib/http/derived-rows";
import { parseFilters } from "@/lib/jobs/filters";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withViewer(request, async (viewer) => {
    const { filters, problems } = parseFilters(new URL(request.url).searchParams);
    refuseBadParams(problems);
    const from = derivedFromOf(request);
    const confirmed = from && (await confirmedJobViewBody(viewer, filters, from));
    // Always: whether the answer carries rows depends on these headers, whether or not this request sent them.
    const vary = DERIVED_FROM_HEADERS;
    return confirmed
      ? conditionalJson(request, confirmed, {
          vary,
          extra: { [DERIVED_ROWS_HEADER]: DERIVED_ROWS_CONFIRMED },
        })
      : conditionalJson(request, await jobViewBody(viewer, filters), { vary });
  });
}
