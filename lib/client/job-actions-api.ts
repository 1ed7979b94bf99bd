// The browser's side of /api/jobs/actions: preview, act (with a key made once per confirmation, so a
// double click or a retry acts once), and the 409 that carries the new preview when the jobs changed.

import type { ActionResult, PreviewAnswer } from "@/lib/api/job-actions";
import type { JobAction } from "@/lib/jobs/actions";
import { ApiFailure } from "./fetch-api";

export interface ActionScope {
  readonly jobIds?: readonly number[];
  /** The /jobs query string of the view the jobs were chosen in. */
  readonly view?: string;
  readonly allMatching?: boolean;
}

async function post<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(0, "The dashboard's server could not be reached: nothing was sent to the CommCell.");
  }
  const parsed = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!parsed) throw new ApiFailure(response.status, `The server answered HTTP ${response.status}.`);
  return { status: response.status, body: parsed };
}

export async function previewAction(action: JobAction, scope: ActionScope): Promise<PreviewAnswer> {
  const { status, body } = await post<PreviewAnswer & { error?: { message?: string } }>(
    "/api/jobs/actions/preview",
    { action, ...scope },
  );
  if (status !== 200) throw new ApiFailure(status, body.error?.message ?? `HTTP ${status}`);
  return body;
}

export type ActOutcome =
  | { readonly kind: "done"; readonly results: readonly ActionResult[]; readonly auditError?: string }
  | { readonly kind: "changed"; readonly message: string; readonly preview: PreviewAnswer };

export async function act(
  action: JobAction,
  scope: ActionScope,
  confirmed: { jobIds: readonly number[]; reason: string; idempotencyKey: string },
): Promise<ActOutcome> {
  const { status, body } = await post<{
    results?: ActionResult[];
    auditError?: string;
    preview?: PreviewAnswer;
    error?: { message?: string };
  }>("/api/jobs/actions", {
    action,
    ...(scope.view !== undefined ? { view: scope.view } : {}),
    ...(scope.allMatching ? { allMatching: true } : {}),
    jobIds: confirmed.jobIds,
    expectedCount: confirmed.jobIds.length,
    ...(confirmed.reason.trim() ? { reason: confirmed.reason.trim() } : {}),
    idempotencyKey: confirmed.idempotencyKey,
  });
  if (status === 409 && body.preview)
    return { kind: "changed", message: body.error?.message ?? "The jobs changed.", preview: body.preview };
  if (status !== 200 || !body.results) throw new ApiFailure(status, body.error?.message ?? `HTTP ${status}`);
  return { kind: "done", results: body.results, ...(body.auditError ? { auditError: body.auditError } : {}) };
}

/** A key per confirmation; crypto.randomUUID is missing outside secure contexts (plain HTTP on a LAN). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
