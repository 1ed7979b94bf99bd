// One error shape for every API answer: { "error": { "code", "message", "param"? } }, with the status
// each kind of failure deserves. CommCell errors keep their message (written to be read by an admin, with
// no token in it); anything unexpected is logged here and answered with a generic message.

import type { CommCellErrorKind } from "@/lib/commcell/errors";
import { isCommCellError } from "@/lib/commcell/errors";
import { isCacheBusyError } from "@/lib/commcell/job-cache";
import { ParamError, type ParamProblem } from "@/lib/jobs/url-params";

// Next bundles route handlers and instrumentation apart, so an ApiError made by what the runtime holds
// (the idempotency stores) is another copy of this class than the routes'; a registered symbol brands
// every copy's instances, and `instanceof` reads the brand, so each copy knows the others'.
const BRAND = Symbol.for("commcell-job-monitor.ApiError");

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly [BRAND] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [BRAND]?: boolean })[BRAND] === true;
  }

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** A URL with a bad parameter is answered 400, naming the first one: an API caller fixes one at a time. */
export function refuseBadParams(problems: readonly ParamProblem[]): void {
  const [problem] = problems;
  if (problem) throw new ApiError(400, "invalid_parameter", problem.message, problem.param);
}

// A CommCell failure is the upstream's, not the browser's: 502 or 504, never 500.
const STATUS_BY_KIND = {
  http: 502,
  redirect: 502,
  timeout: 504,
  network: 502,
  parse: 502,
  upstream: 502,
  auth: 502,
} as const satisfies Record<CommCellErrorKind, number>;

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.param ? { param: error.param } : {}) } },
      { status: error.status, headers: { ...NO_STORE, ...error.headers } },
    );
  }
  if (error instanceof ParamError) {
    return Response.json(
      { error: { code: "invalid_parameter", message: error.message, param: error.param } },
      { status: 400, headers: NO_STORE },
    );
  }
  if (isCacheBusyError(error)) {
    return Response.json(
      { error: { code: "busy", message: error.message } },
      { status: 429, headers: { ...NO_STORE, "Retry-After": "2" } },
    );
  }
  if (isCommCellError(error)) {
    return Response.json(
      { error: { code: `commcell_${error.kind}`, message: error.message } },
      { status: STATUS_BY_KIND[error.kind], headers: NO_STORE },
    );
  }
  console.error("api: unexpected error", error);
  return Response.json(
    { error: { code: "internal", message: "The server failed to answer; see its log." } },
    { status: 500, headers: NO_STORE },
  );
}
