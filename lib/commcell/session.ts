// Authenticated calls to the CommCell for one identity: the token goes in the right header, and a 401 is
// answered by one renewal and one retry (shared with every request that saw the same 401).

import "server-only";
import { CommCellError, isCommCellError } from "./errors";
import { exchange, type UpstreamResponse } from "./http";
import { authHeaders, type TokenSource } from "./token-source";

export interface UpstreamSession {
  readonly root: string;
  readonly timeoutMs: number;
  readonly tokens: TokenSource;
  /** Bytes read at most of one answer (COMMVAULT_MAX_BODY_BYTES). */
  readonly maxBytes?: number;
}

export interface AuthenticatedRequest {
  readonly method?: "GET" | "POST";
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export async function authenticatedRequest(
  session: UpstreamSession,
  path: string,
  request: AuthenticatedRequest = {},
): Promise<UpstreamResponse> {
  const url = new URL(path, session.root).href;
  const send = (auth: Record<string, string>) =>
    exchange({
      url,
      method: request.method ?? "GET",
      body: request.body,
      headers: { ...request.headers, ...auth },
      timeoutMs: session.timeoutMs,
      maxBytes: session.maxBytes,
    });
  const token = await session.tokens.token();
  try {
    return await send(authHeaders(token));
  } catch (error) {
    if (!isCommCellError(error) || error.kind !== "auth") throw error;
    const fresh = await session.tokens.renew(token);
    if (!fresh) {
      throw new CommCellError(
        "auth",
        "The CommCell refused the token (HTTP 401), and it cannot be renewed here.",
        { code: "401" },
      );
    }
    return send(authHeaders(fresh));
  }
}

// Waits before each retry of a GET. Only network failures and 5xx answers are retried, and only GETs: a
// timeout has already waited its full time, and anything else will not change by asking again.
export const RETRY_DELAYS_MS: readonly number[] = [250, 1000];

function retryable(error: unknown): boolean {
  if (!isCommCellError(error)) return false;
  return error.kind === "network" || (error.kind === "http" && /^5\d\d$/.test(error.code ?? ""));
}

export async function authenticatedGet(
  session: UpstreamSession,
  path: string,
  headers: Readonly<Record<string, string>> = {},
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<UpstreamResponse> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await authenticatedRequest(session, path, { headers });
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
