// The one connection to Redis that instances share their state through (REDIS_URL), and the rule every
// use of it follows: Redis failing must not fail a viewer. Every command is bounded by a short timeout and
// answers a fallback when Redis is down, slow or refusing; the client reconnects on its own, and /api/health
// says whether sharing is on. A second connection carries pub/sub notices between instances.

import "server-only";
import { createHash } from "node:crypto";
import { createClient, type RedisClientType } from "redis";
import { RedisSeal } from "./redis-seal";

/**
 * A Redis command that takes longer than this is given up: the caller falls back to its own memory. Short,
 * but not shorter than a busy server's own event-loop delays, which would make a healthy Redis look slow.
 */
export const COMMAND_TIMEOUT_MS = 1000;
const KEY_PREFIX = "cjm:";

/**
 * Whose keys these are: the deployment (REDIS_PREFIX, by default named for the CommCell) and the CommCell
 * itself, in every key, so staging and production, or two CommCells, on one Redis never read each other's;
 * and the secret this deployment's values are sealed with.
 */
export interface RedisScope {
  /** REDIS_PREFIX; null names the deployment for its CommCell. */
  readonly prefix: string | null;
  /** The CommCell's web service root. */
  readonly commcell: string;
  readonly secret: string;
}

/** REDIS_PREFIX as a key segment: letters, digits, - _ . only; empty or unset derives it from the CommCell. */
export function readRedisPrefix(value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(text))
    throw new RedisConfigError(
      `REDIS_PREFIX may hold only letters, digits, ".", "_" and "-", at most 64 (got "${text.slice(0, 80)}")`,
    );
  return text;
}

const hashOf = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 16);
export class RedisConfigError extends Error {}

/** REDIS_URL as a URL node-redis takes; a bad value stops the server at start, naming the variable. */
export function readRedisUrl(value: string | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Never echoed: the URL may hold Redis's password.
    throw new RedisConfigError("REDIS_URL is not a URL; use redis://[:password@]host:6379");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    throw new RedisConfigError(`REDIS_URL must start with redis:// or rediss:// (got "${url.protocol}")`);
  if (!url.hostname) throw new RedisConfigError("REDIS_URL names no host");
  return url.href;
}

export interface RedisStatus {
  readonly configured: boolean;
  readonly connected: boolean;
  readonly lastError: string | null;
  readonly fallbacks: number;
  /** Values read back that failed their seal, size bound or shape: ignored, never served. */
  readonly rejected: number;
}

type Listener = (message: string) => void;

export class RedisLink {
  private readonly client: RedisClientType;
  private readonly subscriber: RedisClientType;
  private ready = false;
  private lastError: string | null = null;
  private fallbacks = 0;
  private rejected = 0;
  private readonly prefix: string;
  private readonly seals: RedisSeal;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly reconnected = new Set<() => void>();

  constructor(url: string, scope: RedisScope) {
    const commcell = hashOf(scope.commcell);
    this.prefix = `${KEY_PREFIX}${scope.prefix ?? `cc-${commcell}`}:${commcell}:`;
    this.seals = new RedisSeal(scope.secret);
    const options = {
      url,
      socket: {
        connectTimeout: 2000,
        // Keep trying, at most every two seconds: sharing returns on its own when Redis does.
        reconnectStrategy: (retries: number) => Math.min(2000, 100 * 2 ** Math.min(retries, 5)),
      },
      // A command while disconnected fails at once instead of waiting in a queue: the caller falls back.
      disableOfflineQueue: true,
    };
    this.client = createClient(options) as RedisClientType;
    this.subscriber = createClient(options) as RedisClientType;
    const note = (error: Error) => {
      this.lastError = error.message;
    };
    this.client.on("error", note);
    this.subscriber.on("error", note);
    this.client.on("ready", () => {
      this.ready = true;
      for (const callback of this.reconnected) callback();
    });
    this.client.on("end", () => {
      this.ready = false;
    });
    this.client.on("reconnecting", () => {
      this.ready = false;
    });
  }

  /** Connects in the background; the server starts either way and shares once Redis answers. */
  start(): void {
    this.client.connect().catch((error: Error) => {
      this.lastError = error.message;
    });
    this.subscriber.connect().catch((error: Error) => {
      this.lastError = error.message;
    });
  }

  key(name: string): string {
    return this.prefix + name;
  }

  /** A value to write under `key` (a full key, from `key()`), sealed by this deployment. */
  seal(key: string, text: string): string {
    return this.seals.seal(key, text);
  }

  /** The text of a value read from `key`, or null (counted) when this deployment did not seal it there. */
  unseal(key: string, value: string | null): string | null {
    return value === null ? null : this.counted(this.seals.open(key, value));
  }

  encrypt(key: string, text: string): string {
    return this.seals.encrypt(key, text);
  }

  /** The text of a value `encrypt` made for `key`, or null (counted) for anything else. */
  decrypt(key: string, value: string | null): string | null {
    return value === null ? null : this.counted(this.seals.decrypt(key, value));
  }

  private counted(text: string | null): string | null {
    if (text === null) this.reject();
    return text;
  }

  /** Counts a value that was sealed but is not what it must be (too large, another shape): ignored. */
  reject(): void {
    this.rejected++;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Runs `command` against Redis within the timeout; `fallback` when Redis is down, slow or refusing. */
  async run<T>(command: (client: RedisClientType) => Promise<T>, fallback: T): Promise<T> {
    if (!this.ready) {
      this.fallbacks++;
      return fallback;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        command(this.client),
        new Promise<T>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis took over ${COMMAND_TIMEOUT_MS} ms`)),
            COMMAND_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      this.lastError = (error as Error).message;
      this.fallbacks++;
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.run((client) => client.publish(this.key(channel), message), 0);
  }

  /** Calls `listener` with every message published on `channel` by any instance (this one included). */
  subscribe(channel: string, listener: Listener): void {
    const name = this.key(channel);
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
      const listeners = set;
      // node-redis re-subscribes by itself after a reconnection.
      void this.subscriber
        .subscribe(name, (message) => {
          for (const each of listeners) each(message);
        })
        .catch((error: Error) => {
          this.lastError = error.message;
        });
    }
    set.add(listener);
  }

  /** Called each time the connection is (re)established: to catch up on what was missed meanwhile. */
  onReady(callback: () => void): void {
    this.reconnected.add(callback);
    if (this.ready) callback();
  }

  status(): RedisStatus {
    return {
      configured: true,
      connected: this.ready,
      lastError: this.lastError,
      fallbacks: this.fallbacks,
      rejected: this.rejected,
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.client.close(), this.subscriber.close()]);
  }
}
