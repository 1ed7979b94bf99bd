// POST /api/jobs/actions: suspend, resume, kill or resubmit jobs, as the signed-in person, after the
// same-origin check; the same idempotency key twice acts once. GET: this person's own recent actions.

import { NO_STORE } from "@/lib/api/api-error";
import { withViewer } from "@/lib/api/handle";
import {
  ACTION_BODY_MAX_BYTES,
  ActionBody,
  admitAction,
  assertMayAct,
  performJobAction,
} from "@/lib/api/job-actions";
import { readJsonBody } from "@/lib/api/json-body";
import { getRuntime } from "@/lib/api/runtime";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return withViewer(
    request,
    async (viewer) => {
      const { actionKeys } = getRuntime();
      admitAction(viewer);
      const body = await readJsonBody(request, ActionBody, ACTION_BODY_MAX_BYTES);
      const fingerprint = JSON.stringify([
        body.action,
        [...body.jobIds].sort((a, b) => a - b),
        body.reason ?? "",
        body.view ?? "",
        body.allMatching ?? false,
        body.expectedCount ?? null,
      ]);
      const answer = await actionKeys.run(`${viewer.cacheKey}|${body.idempotencyKey}`, fingerprint, () =>
        performJobAction(viewer, body),
      );
      if (answer.kind === "changed") {
        return Response.json(
          { error: { code: "selection_changed", message: answer.message }, preview: answer.preview },
          { status: 409, headers: NO_STORE },
        );
      }
      return Response.json(
        {
          results: answer.results,
          ...(answer.auditError ? { auditError: answer.auditError } : {}),
          ...(answer.stopped ? { stopped: answer.stopped } : {}),
        },
        { headers: NO_STORE },
      );
    },
    { stateChanging: true },
  );
}

export function GET(request: Request): Promise<Response> {
  return withViewer(request, async (viewer) => {
    assertMayAct(viewer);
    return Response.json({ actions: getRuntime().audit.recent(viewer.cacheKey) }, { headers: NO_STORE });
  });
}
