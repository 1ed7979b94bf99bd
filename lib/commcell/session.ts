// Authenticated calls to the CommCell for one identity: the token goes in the right header, and a 401 is
// answered by one renewal and one retry (shared with every request that saw the same 401).

import { CommCellError } from "./errors";
import { exchange, type UpstreamResponse } from "./http";
import { authHeaders, type TokenSource } from "./token-source";

export interface UpstreamSession {
  readonly root: string;
  readonly timeoutMs: number;
  readonly tokens: TokenSource;
}

export async function authenticatedGet(
  session: UpstreamSession,
  path: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<UpstreamResponse> {
  const url = new URL(path, session.root).href;
  const token = await session.tokens.token();
  try {
    return await exchange({
      url,
      headers: { ...headers, ...authHeaders(token) },
      timeoutMs: session.timeoutMs,
    });
  } catch (error) {
    if (!(error instanceof CommCellError) || error.kind !== "auth") throw error;
    const fresh = await session.tokens.renew(token);
    if (!fresh)
      throw new CommCellError(
        "auth",
        "The CommCell refused the configured token (HTTP 401); COMMVAULT_TOKEN may have expired.",
        { code: "401" },
      );
    return exchange({ url, headers: { ...headers, ...authHeaders(fresh) }, timeoutMs: session.timeoutMs });
  }
}
