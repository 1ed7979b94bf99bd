// GET /api/health: whether the CommCell answers, how this server reaches it, and its cache; no secrets.

import { NO_STORE } from "@/lib/api/api-error";
import { getRuntime } from "@/lib/api/runtime";
import { isCommCellError } from "@/lib/commcell/errors";
import { exchange } from "@/lib/commcell/http";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const { upstream, cache, startedAt } = getRuntime();
  let reachable = true;
  let problem: string | null = null;
  try {
    // Any answer, even a 401 or 404, shows the web server is up; only a network failure or timeout does not.
    await exchange({ url: new URL("Login", upstream.root).href, timeoutMs: 5000 });
  } catch (error) {
    if (isCommCellError(error) && (error.kind === "network" || error.kind === "timeout")) {
      reachable = false;
      problem = error.message;
    }
  }
  const tokens = upstream.service?.tokens ?? null;
  const issuedAt = tokens?.issuedAt ?? null;
  const stats = cache.stats();
  return Response.json(
    {
      status: reachable ? "ok" : "degraded",
      demo: upstream.demo,
      upstream: { host: new URL(upstream.root).host, reachable, problem },
      identity: upstream.demo
        ? "demo-service-account"
        : upstream.config.identity.kind === "sign-in"
          ? "sign-in"
          : `service-${upstream.config.identity.kind}`,
      serviceToken: tokens
        ? {
            ageSeconds: issuedAt === null ? null : Math.round((Date.now() - issuedAt) / 1000),
            signIns: tokens.signInCount,
          }
        : null,
      cache: { entries: stats.entries, upstreamLoads: stats.loads },
      lastError: stats.lastError
        ? { at: new Date(stats.lastError.at).toISOString(), message: stats.lastError.message }
        : null,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    },
    { status: reachable ? 200 : 503, headers: NO_STORE },
  );
}
