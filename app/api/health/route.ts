// GET /api/health: whether the CommCell answers, how this server reaches it, and its cache; no secrets.
// Strangers (no session) learn only up or down and the kinds of failure: error messages can carry
// fragments of job text, and host names and counts are nobody else's business.

import { NO_STORE } from "@/lib/api/api-error";
import { getRuntime } from "@/lib/api/runtime";
import { getSession, isSecure } from "@/lib/api/session";
import { viewerFor } from "@/lib/api/viewer";
import { upstreamGate } from "@/lib/commcell/gate";
import { probeCommCell } from "@/lib/commcell/probe";

export const dynamic = "force-dynamic";

async function mayKnowMore(request: Request): Promise<boolean> {
  try {
    const session = await getSession(isSecure(request));
    if (!session.user && !session.display) return false;
    viewerFor(session);
    return true;
  } catch {
    return false;
  }
}

/** "off" without REDIS_URL; "on" while Redis answers; "down" while each instance falls back to itself. */
function sharing(): "off" | "on" | "down" {
  const { redis } = getRuntime();
  if (!redis) return "off";
  return redis.isReady ? "on" : "down";
}

export async function GET(request: Request): Promise<Response> {
  const { upstream, cache, startedAt } = getRuntime();
  const probe = await probeCommCell(upstream.root);
  const stats = cache.stats();
  const status = probe.reachable ? "ok" : "degraded";
  const httpStatus = probe.reachable ? 200 : 503;
  if (!(await mayKnowMore(request))) {
    return Response.json(
      {
        status,
        upstream: { reachable: probe.reachable, problem: probe.kind },
        lastError: stats.lastError ? { kind: stats.lastError.kind } : null,
      },
      { status: httpStatus, headers: NO_STORE },
    );
  }
  const tokens = upstream.service?.tokens ?? null;
  const { redis, answers } = getRuntime();
  const issuedAt = tokens?.issuedAt ?? null;
  return Response.json(
    {
      status,
      demo: upstream.demo,
      upstream: {
        host: new URL(upstream.root).host,
        reachable: probe.reachable,
        problem: probe.message,
        checkedAt: new Date(probe.checkedAt).toISOString(),
        requests: upstreamGate().stats(),
      },
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
      cache: { entries: stats.entries, jobs: stats.jobs, upstreamLoads: stats.loads },
      // Whether several instances share their state: "off" (one instance), "on", or "down" (each alone).
      sharing: sharing(),
      redis: redis ? { ...redis.status(), answers: answers?.stats() ?? null } : null,
      lastError: stats.lastError
        ? {
            at: new Date(stats.lastError.at).toISOString(),
            kind: stats.lastError.kind,
            message: stats.lastError.message,
          }
        : null,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      memory: { rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) },
    },
    { status: httpStatus, headers: NO_STORE },
  );
}
