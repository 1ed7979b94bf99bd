// Authenticated calls to the CommCell for one identity: the token goes in the right header, and a 401 is
// answered by one renewal and one retry (shared with every request that saw the same 401).

import { CommCellError, isCommCellError } from "./errors";
import { exchange, type UpstreamResponse } from "./http";
import { authHeaders, type TokenSource } from "./token-source";

export interface UpstreamSession {
  readonly root: string;
  readonly timeoutMs: number;
  readonly tokens: TokenSource;
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

export function authenticatedGet(
  session: UpstreamSession,
  path: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<UpstreamResponse> {
  return authenticatedRequest(session, path, { headers });
}
