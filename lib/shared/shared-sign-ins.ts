// The sign-in limiter's counts shared between instances: wrong passwords spread over three instances are
// counted together. The same policy as the in-memory limiter (lib/api/sign-in-limiter.ts), kept in Redis
// hashes updated by one script each, so parallel guesses on different instances each count. When Redis
// cannot answer, the attempt is counted by this instance alone, as without REDIS_URL.

import "server-only";
import { type Attempt, PER_ADDRESS, PER_USER, type SignInLimiter } from "@/lib/api/sign-in-limiter";
import type { RedisLink } from "./redis-link";

const FORGET_AFTER_MS = 60 * 60_000;

// KEYS[1] the count; ARGV delta, now, free failures, first wait, longest wait, forget after.
const ADD = `
local f = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
local b = tonumber(redis.call('HGET', KEYS[1], 'b') or '0')
local l = tonumber(redis.call('HGET', KEYS[1], 'l') or '0')
local delta = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
if now - l > tonumber(ARGV[6]) then f = 0 b = 0 end
f = math.max(0, f + delta)
if delta > 0 then
  l = now
  local over = f - tonumber(ARGV[3])
  if over > 0 then b = now + math.min(tonumber(ARGV[5]), tonumber(ARGV[4]) * 2 ^ (over - 1)) end
elseif f <= tonumber(ARGV[3]) then b = 0 end
redis.call('HSET', KEYS[1], 'f', f, 'b', b, 'l', l)
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return f`;

// KEYS[1]; ARGV now, forget after. The wait left, in ms.
const WAIT = `
local b = tonumber(redis.call('HGET', KEYS[1], 'b') or '0')
local l = tonumber(redis.call('HGET', KEYS[1], 'l') or '0')
if tonumber(ARGV[1]) - l > tonumber(ARGV[2]) then return 0 end
return math.max(0, b - tonumber(ARGV[1]))`;

export type SharedAttempt = Attempt & { readonly shared?: boolean };

type Policy = typeof PER_USER;

export class SharedSignIns {
  constructor(
    private readonly local: SignInLimiter,
    private readonly link: RedisLink | null,
    private readonly clock: () => number = Date.now,
  ) {}

  private async add(key: string, delta: 1 | -1, policy: Policy): Promise<boolean> {
    if (!this.link) return false;
    const link = this.link;
    const args = [
      delta,
      this.clock(),
      policy.freeFailures,
      policy.firstWaitMs,
      policy.longestWaitMs,
      FORGET_AFTER_MS,
    ];
    const done = await link.run(
      (client) => client.eval(ADD, { keys: [link.key(key)], arguments: args.map(String) }).then(() => true),
      false,
    );
    return done;
  }

  private async wait(key: string): Promise<number | null> {
    if (!this.link) return null;
    const link = this.link;
    return link.run(
      (client) =>
        client
          .eval(WAIT, { keys: [link.key(key)], arguments: [String(this.clock()), String(FORGET_AFTER_MS)] })
          .then((value) => Number(value)),
      null,
    );
  }

  async attempt(userName: string, address: string): Promise<SharedAttempt> {
    const user = userName.trim().toLowerCase();
    const userKey = `signin:user:${user}`;
    const addressKey = `signin:addr:${address}`;
    const waits = await Promise.all([this.wait(userKey), this.wait(addressKey)]);
    if (waits.some((wait) => wait === null)) return this.local.attempt(userName, address);
    const waitMs = Math.max(...(waits as number[]));
    if (waitMs > 0) return { allowed: false, waitMs };
    const [a, b] = await Promise.all([this.add(userKey, 1, PER_USER), this.add(addressKey, 1, PER_ADDRESS)]);
    if (!a || !b) return this.local.attempt(userName, address);
    return { allowed: true, user, address, shared: true };
  }

  async succeeded(attempt: SharedAttempt): Promise<void> {
    if (!attempt.allowed) return;
    if (!attempt.shared || !this.link) return this.local.succeeded(attempt);
    const link = this.link;
    await link.run((client) => client.del(link.key(`signin:user:${attempt.user}`)), 0);
    await this.add(`signin:addr:${attempt.address}`, -1, PER_ADDRESS);
  }

  async undecided(attempt: SharedAttempt): Promise<void> {
    if (!attempt.allowed) return;
    if (!attempt.shared || !this.link) return this.local.undecided(attempt);
    await this.add(`signin:user:${attempt.user}`, -1, PER_USER);
    await this.add(`signin:addr:${attempt.address}`, -1, PER_ADDRESS);
  }
}
