// POST /api/jobs/actions/preview: what an action would do now, before anyone confirms it: the jobs it
// applies to, those it does not and why, and ids the CommCell does not show this person.

import { NO_STORE } from "@/lib/api/api-error";
import { withViewer } from "@/lib/api/handle";
import { ACTION_BODY_MAX_BYTES, admitAction, PreviewBody, previewJobAction } from "@/lib/api/job-actions";
import { readJsonBody } from "@/lib/api/json-body";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return withViewer(
    request,
    async (viewer) => {
      admitAction(viewer);
      const body = await readJsonBody(request, PreviewBody, ACTION_BODY_MAX_BYTES);
      return Response.json(await previewJobAction(viewer, body), { headers: NO_STORE });
    },
    { stateChanging: true },
  );
}
