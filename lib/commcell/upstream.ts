// The CommCell this server talks to, set up once at start (instrumentation.ts): a configured CommCell, or
// the embedded simulator in demo mode. Kept on globalThis because Next may load this module more than once
// in one process (route bundles), and all of them must share one upstream and one service token.

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

const KEY = Symbol.for("commcell-job-monitor.upstream");
type Holder = { [KEY]?: Upstream };

export function setUpstream(upstream: Upstream): void {
  (globalThis as Holder)[KEY] = upstream;
}

export function getUpstream(): Upstream {
  const upstream = (globalThis as Holder)[KEY];
  if (!upstream)
    throw new Error("The CommCell upstream is not set up: the server did not run instrumentation.ts.");
  return upstream;
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
