// One job action, sent to the CommCell with the acting person's own token, and its answer read the way
// Commvault's clients read it: success is `{}`, `errorCode: 0`, or an `errors[]` list whose codes are 0;
// anything else (a non-zero code, an error status, a body that is not JSON) is a refusal, in its words.
// Reference: ../shared/reference/commvault-api.md ("Job actions").

import "server-only";
import type { JobAction } from "@/lib/jobs/actions";
import { findErrorReport } from "./error-body";
import { isCommCellError } from "./errors";
import { authenticatedRequest, type UpstreamSession } from "./session";

export type UpstreamActionResult =
  | { readonly outcome: "accepted"; readonly newJobId?: number }
  | { readonly outcome: "refused"; readonly message: string };

/**
 * The single-job endpoints (verified against real answers). A suspension with a reason goes as a one-job
 * MultiJobOperation instead, the one call that carries an `operationDescription`; its operation code for
 * suspend (0) is the only one seen in a real request, so resume and kill never take that path.
 */
const ACTION_PATH = {
  suspend: "pause",
  resume: "resume",
  kill: "kill",
  resubmit: "Resubmit",
} as const satisfies Record<JobAction, string>;

const JSON_HEADERS = { Accept: "application/json", "Content-Type": "application/json" };

function request(action: JobAction, jobId: number, reason: string | null) {
  if (action === "suspend" && reason) {
    return {
      path: "Jobs/MultiJobOperation",
      body: JSON.stringify({
        message: 1,
        jobOpReq: { operationType: 0, jobs: [{ jobId }] },
        operationDescription: reason,
      }),
    };
  }
  return { path: `Job/${jobId}/action/${ACTION_PATH[action]}`, body: "" };
}

/** Reads an action's answer body: accepted (with the new job's id for a resubmit) or refused in words. */
export function readActionAnswer(action: JobAction, body: string): UpstreamActionResult {
  let value: unknown = {};
  if (body.trim() !== "") {
    try {
      value = JSON.parse(body);
    } catch {
      return { outcome: "refused", message: `The CommCell's answer was not JSON: ${body.slice(0, 120)}` };
    }
  }
  const report = findErrorReport(value);
  if (report) {
    const code = report.code ? ` (code ${report.code})` : "";
    return { outcome: "refused", message: `${report.message}${code}` };
  }
  if (action !== "resubmit") return { outcome: "accepted" };
  const ids = (value as { jobIds?: unknown }).jobIds;
  const first = Array.isArray(ids) ? Number(ids[0]) : Number.NaN;
  if (!Number.isSafeInteger(first) || first <= 0)
    return { outcome: "refused", message: "The CommCell accepted the resubmission but named no new job." };
  return { outcome: "accepted", newJobId: first };
}

export async function sendJobAction(
  session: UpstreamSession,
  action: JobAction,
  jobId: number,
  reason: string | null,
): Promise<UpstreamActionResult> {
  const { path, body } = request(action, jobId, reason);
  try {
    const answer = await authenticatedRequest(session, path, { method: "POST", headers: JSON_HEADERS, body });
    return readActionAnswer(action, answer.body);
  } catch (error) {
    // A token the CommCell refuses ends the person's session (withViewer); anything else is this job's refusal.
    if (isCommCellError(error) && error.kind !== "auth")
      return { outcome: "refused", message: error.message };
    throw error;
  }
}
