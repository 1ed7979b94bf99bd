// What the API routes share in one process: the upstream, the server settings, the job cache and the
// sign-in limiter. Set up once at start; kept on globalThis so every route bundle sees the same one.

import "server-only";
import { JobCache } from "@/lib/commcell/job-cache";
import { startUpstream } from "@/lib/commcell/start-upstream";
import type { Upstream } from "@/lib/commcell/upstream";
import { RedisConfigError, RedisLink, readRedisPrefix, readRedisUrl } from "@/lib/shared/redis-link";
import { SharedAnswers } from "@/lib/shared/shared-answers";
import { SharedIdempotency } from "@/lib/shared/shared-idempotency";
import { shareRevocations } from "@/lib/shared/shared-revocations";
import { SharedSignIns } from "@/lib/shared/shared-sign-ins";
import { sharedToken } from "@/lib/shared/shared-token";
import { ActionRate } from "./action-rate";
import { AuditLog } from "./audit-log";
import { IdempotencyStore } from "./idempotency";
import type { ActionAnswer } from "./job-actions";
import { JobReads } from "./job-reads";
import { Revocations } from "./revocations";
import { readServerConfig, type ServerConfig } from "./server-config";
import { SignInLimiter } from "./sign-in-limiter";

export interface Runtime {
  readonly upstream: Upstream;
  readonly server: ServerConfig;
  readonly cache: JobCache;
  /** One job's record and events, kept briefly per identity. */
  readonly jobReads: JobReads;
  readonly signIns: SharedSignIns;
  readonly revocations: Revocations;
  /** Every job action attempt, to the log and AUDIT_LOG_FILE. */
  readonly audit: AuditLog;
  /** Action requests per person a minute (ACTIONS_PER_MINUTE). */
  readonly actionRate: ActionRate;
  /** Confirmed actions by idempotency key: the same key twice acts once. */
  readonly actionKeys: SharedIdempotency<ActionAnswer>;
  readonly startedAt: number;
  /** The Redis several instances share their state through (REDIS_URL); null for one instance alone. */
  readonly redis: RedisLink | null;
  /** Job-list answers shared through Redis; null without it. */
  readonly answers: SharedAnswers | null;
}

/** Compressed answers larger than this are not carried through Redis: each instance fetches those. */
const SHARED_ANSWER_MAX_BYTES = 32 * 1024 * 1024;

/** Enough for a person opening the overview, the explorer and a wall at once; not for a flood of views. */
const COLD_FETCHES_PER_IDENTITY = 4;
/** Answers one identity keeps in the cache: its pages and tabs, well past what a person looks at. */
const ANSWERS_PER_IDENTITY = 64;

const KEY = Symbol.for("commcell-job-monitor.runtime");
type Holder = { [KEY]?: Runtime };

export async function startRuntime(env: Readonly<Record<string, string | undefined>>): Promise<Runtime> {
  // Server settings first: a bad one should stop the server before a simulator is started for nothing.
  const server = readServerConfig(env, !env.COMMVAULT_URL?.trim());
  const redisUrl = readRedisUrl(env.REDIS_URL);
  const redisPrefix = readRedisPrefix(env.REDIS_PREFIX);
  // Instances seal what they share with SESSION_SECRET (and read each other's cookies with it): one made
  // up at start would be each instance's own.
  if (redisUrl && server.sessionSecretGenerated)
    throw new RedisConfigError("REDIS_URL needs SESSION_SECRET, the same on every instance sharing it");
  const audit = await AuditLog.open(server.auditLogFile);
  const upstream = await startUpstream(env);
  const redis = redisUrl
    ? new RedisLink(redisUrl, { prefix: redisPrefix, commcell: upstream.root, secret: server.sessionSecret })
    : null;
  redis?.start();
  const revocations = new Revocations();
  if (redis) {
    shareRevocations(redis, revocations);
    if (upstream.service) upstream.service.tokens.shared = sharedToken(redis, `service:${upstream.root}`);
    console.info(`commcell: sharing state through Redis at ${new URL(redisUrl as string).host}`);
  }
  const runtime: Runtime = {
    upstream,
    server,
    cache: new JobCache({
      ttlMs: server.cacheTtlMs,
      maxEntries: 500,
      maxJobs: server.cacheMaxJobs,
      maxColdPerIdentity: COLD_FETCHES_PER_IDENTITY,
      maxEntriesPerIdentity: ANSWERS_PER_IDENTITY,
      maxStaleMs: server.maxStaleMs,
    }),
    jobReads: new JobReads({
      ttlMs: server.cacheTtlMs,
      maxIdentities: 500,
      maxPerIdentity: ANSWERS_PER_IDENTITY,
    }),
    signIns: new SharedSignIns(new SignInLimiter(), redis),
    revocations,
    audit,
    actionRate: new ActionRate(server.actionsPerMinute),
    actionKeys: new SharedIdempotency(new IdempotencyStore<ActionAnswer>(), redis),
    startedAt: Date.now(),
    redis,
    answers: redis
      ? new SharedAnswers(redis, {
          ttlMs: server.cacheTtlMs,
          maxBytes: SHARED_ANSWER_MAX_BYTES,
          keepMs: server.maxStaleMs,
        })
      : null,
  };
  (globalThis as Holder)[KEY] = runtime;
  if (server.sessionSecretGenerated)
    console.info("commcell: demo mode without SESSION_SECRET: sign-ins last until the server stops");
  return runtime;
}

/** For instrumentation.ts: a server that cannot start says why and stops, rather than serve errors. */
export async function startRuntimeOrExit(env: Readonly<Record<string, string | undefined>>): Promise<void> {
  try {
    await startRuntime(env);
  } catch (error) {
    console.error(`commcell-job-monitor: cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

export function getRuntime(): Runtime {
  const runtime = (globalThis as Holder)[KEY];
  if (!runtime) throw new Error("The server did not start its runtime (instrumentation.ts did not run).");
  return runtime;
}
