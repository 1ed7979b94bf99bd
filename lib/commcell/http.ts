// One HTTP exchange with the CommCell web server, with a deadline for the headers and another for the
// body, and every failure turned into a CommCellError of the right kind. Nothing here retries.

import { bodySnippet, htmlTitle } from "./body-snippet";
import { CommCellError } from "./errors";

export interface UpstreamRequest {
  readonly url: string;
  readonly method?: "GET" | "POST";
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

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

export async function exchange(request: UpstreamRequest): Promise<UpstreamResponse> {
  const host = new URL(request.url).host;
  const controller = new AbortController();
  let phase: "headers" | "body" = "headers";
  let timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method ?? "GET",
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        redirect: "follow",
      });
    } catch (error) {
      if (controller.signal.aborted) throw timeoutError(host, phase, request.timeoutMs);
      throw networkError(error, host);
    }
    // The body gets its own deadline: a CommCell that sends headers and then drips is as stuck as one that
    // sends nothing.
    clearTimeout(timer);
    phase = "body";
    timer = setTimeout(() => controller.abort(), request.timeoutMs);
    let body: string;
    try {
      body = await response.text();
    } catch (error) {
      if (controller.signal.aborted) throw timeoutError(host, phase, request.timeoutMs);
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
    return { status: response.status, contentType, body };
  } finally {
    clearTimeout(timer);
  }
}

function timeoutError(host: string, phase: "headers" | "body", ms: number): CommCellError {
  const what = phase === "headers" ? "did not answer" : "did not finish sending its answer";
  return new CommCellError("timeout", `The CommCell at ${host} ${what} within ${Math.round(ms / 1000)} s.`);
}
