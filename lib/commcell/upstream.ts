// The CommCell this server talks to, set up once at start (instrumentation.ts): a configured CommCell, or
// the embedded simulator in demo mode. The one runtime object (lib/api/runtime.ts) holds it.

import "server-only";
import type { CommCellConfig } from "./config";
import type { UpstreamSession } from "./session";
import type { TokenSource } from "./token-source";

export interface Upstream {
  readonly config: CommCellConfig;
  /** True when the upstream is the embedded simulator. */
  readonly demo: boolean;
  /** The service identity's session; null when people sign in with their own credentials. */
  readonly service: UpstreamSession | null;
  readonly root: string;
}

/** A session on this upstream for one identity's tokens, with the configured limits. */
export function upstreamSession(
  upstream: Pick<Upstream, "root" | "config">,
  tokens: TokenSource,
): UpstreamSession {
  return {
    root: upstream.root,
    timeoutMs: upstream.config.timeoutMs,
    maxBytes: upstream.config.maxBodyBytes,
    tokens,
  };
}
