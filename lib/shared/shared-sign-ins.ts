// The sign-in limiter's counts shared between instances: wrong passwords spread over three instances are
// counted together. The same policy as the in-memory limiter (lib/api/sign-in-limiter.ts), kept in Redis
// hashes that one script checks and reserves in a single step, so parallel guesses on different instances
// each count. When Redis
// cannot answer, the attempt is counted by this instance alone, as without REDIS_URL.

import "server-only";
import { type Attempt, PER_ADDRESS, PER_USER, type SignInLimiter } from "@/lib/api/sign-in-limiter";
import type { RedisLink } from "./redis-link";

const FORGET_AFTER_MS = 60 * 60_000;

// One count's doubling wait, in Lua: both scripts below use it, so the check and the reservation read the
// same rule. A count unchanged for ARGV[6] ms is forgotten.
const COUNT = `
local function load(key, now)
  local f = tonumber(redis.call('HGET', key, 'f') or '0')
  local b = tonumber(redis.call('HGET', key, 'b') or '0')
  local l = tonumber(redis.call('HGET', key, 'l') or '0')
  if now - l > tonumber(ARGV[6]) then f = 0 b = 0 end
  return f, b, l
end
local function store(key, delta, now, free, first, longest)
  local f, b, l = load(key, now)
  f = math.max(0, f + delta)
  if delta > 0 then
    l = now
    local over = f - free
    if over > 0 then b = now + math.min(longest, first * 2 ^ (over - 1)) end
  elseif f <= free then b = 0 end
  redis.call('HSET', key, 'f', f, 'b', b, 'l', l)
  redis.call('PEXPIRE', key, ARGV[6])
end`;

// KEYS[1] a count; ARGV delta, now, free failures, first wait, longest wait, forget after.
const ADD = `${COUNT}
store(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
return 1`;

// KEYS[1] the user's count, KEYS[2] the address's; ARGV as ADD's for the user (ARGV[1] unused), then the
// address's free failures, first and longest wait. Checks both waits and, when neither is left, reserves on
// both, in one step: Redis runs a script whole, so parallel guesses on any instance are counted one by one.
const ATTEMPT = `${COUNT}
local now = tonumber(ARGV[2])
local wait = 0
for _, key in ipairs(KEYS) do
  local _, b = load(key, now)
  wait = math.max(wait, b - now)
end
if wait > 0 then return wait end
store(KEYS[1], 1, now, tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
store(KEYS[2], 1, now, tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9]))
return 0`;

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

  /**
   * Checks and reserves in one script (rate-limiter-flexible was weighed and not used: its limiters block
   * for a fixed time and consume one key per call, so it cannot double the wait per failure nor reserve on
   * the user name and the address at once). Redis down: this instance counts alone, as without REDIS_URL.
   */
  async attempt(userName: string, address: string): Promise<SharedAttempt> {
    const user = userName.trim().toLowerCase();
    if (!this.link) return this.local.attempt(userName, address);
    const link = this.link;
    const keys = [link.key(`signin:user:${user}`), link.key(`signin:addr:${address}`)];
    const args = [
      0,
      this.clock(),
      PER_USER.freeFailures,
      PER_USER.firstWaitMs,
      PER_USER.longestWaitMs,
      FORGET_AFTER_MS,
      PER_ADDRESS.freeFailures,
      PER_ADDRESS.firstWaitMs,
      PER_ADDRESS.longestWaitMs,
    ].map(String);
    const waitMs = await link.run(
      (client) => client.eval(ATTEMPT, { keys, arguments: args }).then((value) => Number(value)),
      null,
    );
    if (waitMs === null || !Number.isFinite(waitMs)) return this.local.attempt(userName, address);
    if (waitMs > 0) return { allowed: false, waitMs };
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
