// GET /api/wall: what a wall display shows (tiles, failures, active jobs, waiting reasons, savings) for the
// filters in its URL, summarised here so a TV polls a few kilobytes rather than the jobs, and a 304 while the summary stands.

import { refuseBadParams } from "@/lib/api/api-error";
import { conditionalJson } from "@/lib/api/etag";
import { withViewer } from "@/lib/api/handle";
import { wallViewBody } from "@/lib/api/wall-view";
import { parseWall } from "@/lib/jobs/wall-params";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return withViewer(request, async (viewer) => {
    const { filters, problems } = parseWall(new URL(request.url).searchParams);
    refuseBadParams(problems);
    return conditionalJson(request, await wallViewBody(viewer, filters));
  });
}
