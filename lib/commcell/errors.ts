// One error type for everything that can go wrong between this server and the CommCell. `kind` decides
// how the server answers the browser (status code, retry, stale serving); `message` says what happened in
// words an admin can act on and never contains a token or a credential.

export const COMMCELL_ERROR_KINDS = [
  /** The CommCell answered with an HTTP error status. */
  "http",
  /** A 3xx answer: never followed to another origin, so no token or password leaves with it. */
  "redirect",
  /** No answer (headers or body) within the time allowed. */
  "timeout",
  /** No connection: refused, reset, DNS, TLS. */
  "network",
  /** An answer that is not what was asked for: HTML, truncated or malformed XML/JSON, another shape. */
  "parse",
  /** The token or the credentials were refused. */
  "auth",
  /** A well-formed answer in which the CommCell itself reports an error (`errList`, `errorCode`). */
  "upstream",
] as const;
export type CommCellErrorKind = (typeof COMMCELL_ERROR_KINDS)[number];

// Next bundles route handlers and instrumentation separately, so one process can hold two copies of this
// class; `instanceof` then fails across them. A registered symbol brands every copy's instances alike.
const BRAND = Symbol.for("commcell-job-monitor.CommCellError");

export class CommCellError extends Error {
  override readonly name = "CommCellError";
  readonly [BRAND] = true;
  readonly kind: CommCellErrorKind;
  /** The CommCell's own error code or the HTTP status, when there is one. */
  readonly code: string | null;

  constructor(kind: CommCellErrorKind, message: string, options?: { code?: string | null; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.code = options?.code ?? null;
  }
}

export function isCommCellError(error: unknown): error is CommCellError {
  return typeof error === "object" && error !== null && (error as { [BRAND]?: boolean })[BRAND] === true;
}

/** Each kind in words that say nothing of the CommCell: what someone not signed in is told. */
const KIND_ALONE = {
  http: "The CommCell answered with an error.",
  redirect: "The CommCell pointed elsewhere; it was not followed.",
  timeout: "The CommCell did not answer in time.",
  network: "The CommCell could not be reached.",
  parse: "The CommCell's answer could not be read.",
  auth: "The CommCell refused the dashboard's account.",
  upstream: "The CommCell reported an error.",
} as const satisfies Record<CommCellErrorKind, string>;

/** The same failure with its kind alone: no host, path, code or words of the CommCell. */
export function kindAlone(error: CommCellError): CommCellError {
  return new CommCellError(error.kind, KIND_ALONE[error.kind]);
}
