// The server's own settings (sessions, who may view, caching), read at start like the CommCell ones.

import { randomBytes } from "node:crypto";
import { ConfigError, envFlag, envWhole } from "@/lib/commcell/config";
import { COVERAGE_WINDOWS, type CoverageWindow, isCoverageWindow } from "@/lib/jobs/coverage-params";
import { HostConfigError, readAllowedHosts } from "./allowed-hosts";
import { weakSecretProblem } from "./secret-strength";

export interface ServerConfig {
  /** Encrypts the session cookie; at least 32 characters. */
  readonly sessionSecret: string;
  /** Whether the secret was made up at start (demo only): sessions then end with the process. */
  readonly sessionSecretGenerated: boolean;
  /** A key that signs an unattended screen in (`/wall?key=...` once, then a cookie). */
  readonly displayKey: string | null;
  readonly allowAnonymousView: boolean;
  readonly cacheTtlMs: number;
  /** The shortest refresh interval any page may poll at. */
  readonly refreshFloorMs: number;
  /** How old a last good answer may be and still be served during an outage. */
  readonly maxStaleMs: number;
  /** Jobs the cache holds at most over all views (a job is about 1-2 KB in memory). */
  readonly cacheMaxJobs: number;
  /**
   * Reverse proxies in front of this server that append the client's address to X-Forwarded-For; 0 means
   * none, and the address is the socket's (a client's own X-Forwarded-For is then ignored).
   */
  readonly trustedProxyHops: number;
  /** Whether signed-in people may act on jobs (`ACTIONS=off`: a read-only deployment). */
  readonly actionsEnabled: boolean;
  /** Action and preview requests one person may make a minute (ACTIONS_PER_MINUTE). */
  readonly actionsPerMinute: number;
  /** A file every job action attempt is appended to, one JSON line each; null for the server log only. */
  readonly auditLogFile: string | null;
  /** The coverage period shown when the URL names none (COVERAGE_WITHIN). */
  readonly coverageWithin: CoverageWindow;
}

// 32 random hex characters carry about 120 bits by this estimate, 16 random letters and digits about 60.
const SECRET_BITS = 96;
const DISPLAY_KEY_BITS = 48;

type Env = Readonly<Record<string, string | undefined>>;

function seconds(env: Env, name: string, fallback: number, min: number, max: number): number {
  return envWhole(env, name, fallback, min, max, "seconds");
}

function coverageWithin(value: string | undefined): CoverageWindow {
  const text = value?.trim() || "24h";
  if (isCoverageWindow(text)) return text;
  throw new ConfigError(
    `COVERAGE_WITHIN must be one of ${Object.keys(COVERAGE_WINDOWS).join(", ")} (got "${value}")`,
  );
}

export function readServerConfig(env: Env, demo: boolean): ServerConfig {
  const secret = env.SESSION_SECRET ?? "";
  if (secret === "" && !demo) {
    throw new ConfigError(
      "SESSION_SECRET is missing: set it to a random string of at least 32 characters (for example: openssl rand -hex 32)",
    );
  }
  if (secret !== "" && secret.length < 32)
    throw new ConfigError(`SESSION_SECRET is too short: ${secret.length} characters, at least 32 are needed`);
  const weakSecret = secret === "" ? null : weakSecretProblem("SESSION_SECRET", secret, SECRET_BITS);
  if (weakSecret) throw new ConfigError(weakSecret);
  const displayKey = env.DISPLAY_KEY?.trim() || null;
  if (displayKey !== null && displayKey.length < 16)
    throw new ConfigError("DISPLAY_KEY is too short: use at least 16 random characters");
  const weakKey = displayKey === null ? null : weakSecretProblem("DISPLAY_KEY", displayKey, DISPLAY_KEY_BITS);
  if (weakKey) throw new ConfigError(weakKey);
  try {
    readAllowedHosts(env);
  } catch (error) {
    if (error instanceof HostConfigError) throw new ConfigError(error.message);
    throw error;
  }
  const refreshFloor = seconds(env, "REFRESH_FLOOR_SECONDS", 5, 1, 3600);
  const ttl = seconds(env, "CACHE_TTL_SECONDS", Math.max(10, refreshFloor), 1, 3600);
  if (ttl < refreshFloor) {
    throw new ConfigError(
      `CACHE_TTL_SECONDS (${ttl}) must not be below REFRESH_FLOOR_SECONDS (${refreshFloor})`,
    );
  }
  return {
    sessionSecret: secret || randomBytes(32).toString("hex"),
    sessionSecretGenerated: secret === "",
    displayKey,
    // A demo has nothing to protect; a real CommCell's jobs are shown only to those allowed.
    allowAnonymousView: envFlag(env, "ALLOW_ANONYMOUS_VIEW", demo),
    cacheTtlMs: ttl * 1000,
    refreshFloorMs: refreshFloor * 1000,
    maxStaleMs: seconds(env, "CACHE_MAX_STALE_SECONDS", 3600, 60, 7 * 86_400) * 1000,
    cacheMaxJobs: envWhole(env, "CACHE_MAX_JOBS", 400_000, 1000, 50_000_000),
    trustedProxyHops: envWhole(env, "TRUSTED_PROXY_HOPS", 0, 0, 10),
    actionsEnabled: envFlag(env, "ACTIONS", true),
    actionsPerMinute: envWhole(env, "ACTIONS_PER_MINUTE", 30, 1, 10_000),
    auditLogFile: env.AUDIT_LOG_FILE?.trim() || null,
    coverageWithin: coverageWithin(env.COVERAGE_WITHIN),
  };
}
