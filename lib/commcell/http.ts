// One HTTP exchange with the CommCell web server, with a deadline for the headers and another for the
// body, and every failure turned into a CommCellError of the right kind. Nothing here retries.
//
// What the upstream sends is bounded: the body is read as a stream and cut off past `maxBytes`, and a
// redirect is never followed to another origin (the token or the sign-in's password would go with it, and
// the other host's answer would be read as the CommCell's). Every exchange passes the server-wide gate, so
// the CommCell never has more than a few requests from this server in flight.

import "server-only";
import { readCappedText } from "@/lib/http/read-capped";
import { bodySnippet, htmlTitle } from "./body-snippet";
import { CommCellError, isCommCellError } from "./errors";
import { upstreamGate } from "./gate";

export interface UpstreamRequest {
  readonly url: string;
  readonly method?: "GET" | "POST";
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** Bytes of body read at most; more is a `parse` error. */
  readonly maxBytes?: number;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
  /** The CommCell's clock as its `Date` header said (epoch ms), and ours when the answer came. */
  readonly clock: { readonly upstream: number; readonly local: number } | null;
}

/** Enough for a 10,000-job page of JSON (about 2.5 KB a job) with room to spare. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_SAME_ORIGIN_REDIRECTS = 3;

const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name could not be resolved now",
  EHOSTUNREACH: "the host is unreachable",
  ETIMEDOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection closed unexpectedly",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its certificate is self-signed (add its CA with NODE_EXTRA_CA_CERTS)",
  SELF_SIGNED_CERT_IN_CHAIN: "its certificate chain is not trusted (add the CA with NODE_EXTRA_CA_CERTS)",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its certificate cannot be verified (add the CA with NODE_EXTRA_CA_CERTS)",
  CERT_HAS_EXPIRED: "its certificate has expired",
  ERR_TLS_CERT_ALTNAME_INVALID: "its certificate does not name this host",
};

function networkError(error: unknown, host: string): CommCellError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  const what = (code && NETWORK_CODES[code]) ?? cause?.message ?? (error as Error).message;
  return new CommCellError("network", `Cannot reach the CommCell at ${host}: ${what}.`, {
    code: code ?? null,
    cause: error,
  });
}

/** What an error status says, without passing on a whole error page. */
function statusMessage(status: number, contentType: string | null, body: string): string {
  const title = contentType?.includes("html") ? htmlTitle(body) : null;
  const detail = title ?? bodySnippet(body, 160);
  return `The CommCell answered HTTP ${status}${detail ? `: ${detail}` : ""}.`;
}

/** The redirect's target when it may be followed (same origin, method kept), else a typed error. */
function redirectTarget(request: UpstreamRequest, response: Response): string {
  const location = response.headers.get("location");
  const from = new URL(request.url);
  let target: URL | null = null;
  try {
    target = location ? new URL(location, from) : null;
  } catch {
    target = null;
  }
  // 301-303 turn a POST into a GET: the CommCell would not receive what was sent.
  const keepsMethod = response.status === 307 || response.status === 308 || request.method !== "POST";
  if (target && target.origin === from.origin && keepsMethod) return target.href;
  const shown = location ? bodySnippet(location, 200) : "nowhere";
  const why =
    target && target.origin !== from.origin ? "another host" : "an address this server will not follow";
  throw new CommCellError(
    "redirect",
    `The CommCell answered HTTP ${response.status}, a redirect to ${why} (${shown}): not followed, so no token leaves for it. Check COMMVAULT_URL.`,
    { code: String(response.status) },
  );
}

function tooLarge(host: string, maxBytes: number): CommCellError {
  return new CommCellError(
    "parse",
    `The CommCell at ${host} sent an answer larger than ${Math.round(maxBytes / 1024 / 1024)} MB; it was cut off (COMMVAULT_MAX_BODY_BYTES).`,
    { code: "too_large" },
  );
}

function serverClock(response: Response): UpstreamResponse["clock"] {
  const upstream = Date.parse(response.headers.get("date") ?? "");
  return Number.isFinite(upstream) ? { upstream, local: Date.now() } : null;
}

export function exchange(request: UpstreamRequest): Promise<UpstreamResponse> {
  return upstreamGate().run(() => exchangeNow(request));
}

async function exchangeNow(request: UpstreamRequest): Promise<UpstreamResponse> {
  const host = new URL(request.url).host;
  const controller = new AbortController();
  let phase: "headers" | "body" = "headers";
  let timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    let response: Response;
    let url = request.url;
    for (let redirects = 0; ; redirects++) {
      try {
        response = await fetch(url, {
          method: request.method ?? "GET",
          headers: request.headers,
          body: request.body,
          signal: controller.signal,
          redirect: "manual",
        });
      } catch (error) {
        if (controller.signal.aborted) throw timeoutError(host, phase, request.timeoutMs);
        throw networkError(error, host);
      }
      if (response.status < 300 || response.status >= 400) break;
      await response.body?.cancel().catch(() => undefined);
      const next = redirectTarget({ ...request, url }, response);
      if (redirects >= MAX_SAME_ORIGIN_REDIRECTS) {
        throw new CommCellError(
          "redirect",
          `The CommCell redirected more than ${MAX_SAME_ORIGIN_REDIRECTS} times.`,
          {
            code: String(response.status),
          },
        );
      }
      url = next;
    }
    // The body gets its own deadline: a CommCell that sends headers and then drips is as stuck as one that
    // sends nothing.
    clearTimeout(timer);
    phase = "body";
    timer = setTimeout(() => controller.abort(), request.timeoutMs);
    let body: string;
    try {
      const maxBytes = request.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
      body = await readCappedText(response.headers, response.body, maxBytes, () => tooLarge(host, maxBytes));
    } catch (error) {
      if (controller.signal.aborted) throw timeoutError(host, phase, request.timeoutMs);
      if (isCommCellError(error)) throw error;
      throw networkError(error, host);
    }
    const contentType = response.headers.get("content-type");
    if (response.status === 401) {
      throw new CommCellError("auth", "The CommCell refused the token (HTTP 401).", { code: "401" });
    }
    if (response.status >= 400) {
      throw new CommCellError("http", statusMessage(response.status, contentType, body), {
        code: String(response.status),
      });
    }
    return { status: response.status, contentType, body, clock: serverClock(response) };
  } finally {
    clearTimeout(timer);
  }
}

function timeoutError(host: string, phase: "headers" | "body", ms: number): CommCellError {
  const what = phase === "headers" ? "did not answer" : "did not finish sending its answer";
  return new CommCellError("timeout", `The CommCell at ${host} ${what} within ${Math.round(ms / 1000)} s.`);
}
