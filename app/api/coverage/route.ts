// GET /api/coverage?within=&clientGroup=&agent=&state=&q=: every client's protection state, worst first.

import { NO_STORE, refuseBadParams } from "@/lib/api/api-error";
import { coverageView } from "@/lib/api/coverage-view";
import { withViewer } from "@/lib/api/handle";
import { getRuntime } from "@/lib/api/runtime";
import { DEFAULT_COVERAGE_PARAMS, parseCoverageParams } from "@/lib/jobs/coverage-params";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withViewer(request, async (viewer) => {
    const defaults = { ...DEFAULT_COVERAGE_PARAMS, within: getRuntime().server.coverageWithin };
    const { values, problems } = parseCoverageParams(new URL(request.url).searchParams, defaults);
    refuseBadParams(problems);
    return Response.json(await coverageView(viewer, values), { headers: NO_STORE });
  });
}
