// The dashboard's connection settings, from the environment. Read once at start; a bad value stops the
// server with a message that names the variable. Secrets never appear in those messages.

import { readFileSync } from "node:fs";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export type Identity =
  /** A service account: the server signs in with these credentials and renews on 401. */
  | { readonly kind: "account"; readonly username: string; readonly password: string }
  /** A pre-issued token: `QSDK ...` goes in `Authtoken`, anything else as a bearer access token. */
  | { readonly kind: "token"; readonly token: string }
  /** Nobody configured: people sign in with their own CommCell credentials. */
  | { readonly kind: "sign-in" };

export interface CommCellConfig {
  /** The web-service root, ending in "/"; null means the embedded simulator (demo mode). */
  readonly url: string | null;
  readonly identity: Identity;
  /** Milliseconds allowed for the answer's headers, and again for its whole body. */
  readonly timeoutMs: number;
  /** Jobs asked for per upstream request, and how many such requests run at once. */
  readonly pageSize: number;
  readonly pageConcurrency: number;
  /** Pages read at most in one fetch of a view. */
  readonly maxPages: number;
  /** Bytes read at most of one answer. */
  readonly maxBodyBytes: number;
  /** Requests in flight to the CommCell at most, server-wide. */
  readonly maxInFlight: number;
}

/** Every COMMVAULT_* variable this server reads: any other is a typo, and stops the server. */
export const COMMVAULT_VARIABLES = [
  "COMMVAULT_URL",
  "COMMVAULT_USERNAME",
  "COMMVAULT_PASSWORD",
  "COMMVAULT_PASSWORD_FILE",
  "COMMVAULT_TOKEN",
  "COMMVAULT_TIMEOUT_MS",
  "COMMVAULT_PAGE_SIZE",
  "COMMVAULT_PAGE_CONCURRENCY",
  "COMMVAULT_MAX_PAGES",
  "COMMVAULT_MAX_BODY_BYTES",
  "COMMVAULT_MAX_IN_FLIGHT",
  "COMMVAULT_ALLOW_INSECURE_HTTP",
] as const;

/** A one-year view of this many jobs fits in the default page limit. */
const JOBS_PER_VIEW = 1_000_000;

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

/**
 * A whole-number setting from `min` to `max`, in `unit`s when it has one; absent or blank is `fallback`.
 * Shared with the server's own settings (lib/api/server-config.ts), so every setting reads alike.
 */
export function envWhole(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  unit?: string,
): number {
  const value = text(env, name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    const what = unit ? `a whole number of ${unit}` : "a whole number";
    throw new ConfigError(`${name} must be ${what} from ${min} to ${max} (got "${value}")`);
  }
  return Number(value);
}

/** A true/false setting; absent or blank is `fallback`. */
export function envFlag(env: Env, name: string, fallback: boolean): boolean {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined || value === null) return fallback;
  if (["1", "true", "yes", "on"].includes(value)) return true;
  if (["0", "false", "no", "off"].includes(value)) return false;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

// Control characters in a header value end the header (or are refused by the HTTP client mid-request).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const CONTROL = /[\u0000-\u001f\u007f]/;

function webServiceRoot(value: string, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      // Not echoed: an unparsable URL may still hold a password (https//user:secret@host).
      `COMMVAULT_URL must be the full web-service root URL, such as https://commserve.example.com/webconsole/api/ (it is ${value.length} characters that are not a URL)`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError(`COMMVAULT_URL must start with https:// or http:// (got "${url.protocol}")`);
  }
  if (url.protocol === "http:" && !LOOPBACK.test(url.hostname) && !allowHttp) {
    throw new ConfigError(
      `COMMVAULT_URL uses http:// to ${url.hostname}: passwords and tokens would cross the network in clear. Use https://, or set COMMVAULT_ALLOW_INSECURE_HTTP=true to accept that`,
    );
  }
  if (url.username || url.password)
    throw new ConfigError(
      "COMMVAULT_URL must not carry credentials; use COMMVAULT_USERNAME and COMMVAULT_PASSWORD",
    );
  if (url.search || url.hash) throw new ConfigError("COMMVAULT_URL must not have a query string or fragment");
  // The dashboard appends `Job`, `Login`... to the root, so the root must end in a slash.
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function identity(env: Env, readFile: (path: string) => string): Identity {
  const username = text(env, "COMMVAULT_USERNAME");
  const password = env.COMMVAULT_PASSWORD ?? null;
  const passwordFile = text(env, "COMMVAULT_PASSWORD_FILE");
  const token = text(env, "COMMVAULT_TOKEN");
  if (token && (username || password || passwordFile)) {
    throw new ConfigError("set either COMMVAULT_TOKEN or COMMVAULT_USERNAME with a password, not both");
  }
  if (token && CONTROL.test(token)) {
    throw new ConfigError("COMMVAULT_TOKEN contains control characters (a line break?); it is not used");
  }
  if (token) return { kind: "token", token };
  if (password !== null && passwordFile)
    throw new ConfigError("set COMMVAULT_PASSWORD or COMMVAULT_PASSWORD_FILE, not both");
  if (!username) {
    if (password !== null || passwordFile)
      throw new ConfigError("COMMVAULT_USERNAME is missing: a password was given without a user name");
    return { kind: "sign-in" };
  }
  let secret = password;
  if (passwordFile) {
    try {
      secret = readFile(passwordFile).replace(/\r?\n$/, "");
    } catch (error) {
      throw new ConfigError(
        `COMMVAULT_PASSWORD_FILE cannot be read: ${(error as NodeJS.ErrnoException).code ?? "error"} for ${passwordFile}`,
      );
    }
  }
  if (!secret)
    throw new ConfigError(
      "COMMVAULT_PASSWORD (or COMMVAULT_PASSWORD_FILE) is missing or empty for COMMVAULT_USERNAME",
    );
  return { kind: "account", username, password: secret };
}

export function readCommCellConfig(
  env: Env,
  readFile: (path: string) => string = (path) => readFileSync(path, "utf8"),
): CommCellConfig {
  const unknown = Object.keys(env).filter(
    (name) => name.startsWith("COMMVAULT_") && !(COMMVAULT_VARIABLES as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    throw new ConfigError(
      `${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not a setting of this server (known: ${COMMVAULT_VARIABLES.join(", ")}); a misspelt COMMVAULT_URL would start the demo simulator instead of your CommCell`,
    );
  }
  const url = text(env, "COMMVAULT_URL");
  const chosen =
    url === null ? null : webServiceRoot(url, envFlag(env, "COMMVAULT_ALLOW_INSECURE_HTTP", false));
  const who = identity(env, readFile);
  if (chosen === null && who.kind !== "sign-in") {
    throw new ConfigError(
      "COMMVAULT_URL is missing: credentials or a token were given without the CommCell to use them on",
    );
  }
  const pageSize = envWhole(env, "COMMVAULT_PAGE_SIZE", 1000, 10, 10_000);
  return {
    url: chosen,
    identity: who,
    timeoutMs: envWhole(env, "COMMVAULT_TIMEOUT_MS", 30_000, 1000, 600_000),
    pageSize,
    pageConcurrency: envWhole(env, "COMMVAULT_PAGE_CONCURRENCY", 4, 1, 16),
    maxPages: envWhole(env, "COMMVAULT_MAX_PAGES", Math.ceil(JOBS_PER_VIEW / pageSize), 1, 100_000),
    maxBodyBytes: envWhole(
      env,
      "COMMVAULT_MAX_BODY_BYTES",
      64 * 1024 * 1024,
      1024 * 1024,
      1024 * 1024 * 1024,
    ),
    maxInFlight: envWhole(env, "COMMVAULT_MAX_IN_FLIGHT", 8, 1, 64),
  };
}
