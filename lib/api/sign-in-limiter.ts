// Slows down guessing: after a few failed sign-ins for one user name, or from one address, each further
// attempt must wait, twice as long each time (capped), before the CommCell is asked. The CommCell locks
// accounts too, but a locked service or admin account is an outage of its own, so guesses stop here first.
//
// An attempt is reserved (counted as a failure) before the CommCell is asked, so parallel guesses count
// each; a success gives back only its own reservation and clears only its own user name, so one account's
// success does not wipe another's failures. Addresses get more room than user names: people behind one
// NAT share an address, and one attacker can then block only their own address and the names they guess.

import { ApiError } from "./api-error";

interface Count {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

interface Policy {
  readonly freeFailures: number;
  readonly firstWaitMs: number;
  readonly longestWaitMs: number;
}

const FORGET_AFTER_MS = 60 * 60_000;
const KEYS_MAX = 10_000;
export const PER_USER: Policy = { freeFailures: 3, firstWaitMs: 2000, longestWaitMs: 5 * 60_000 };
export const PER_ADDRESS: Policy = { freeFailures: 10, firstWaitMs: 2000, longestWaitMs: 5 * 60_000 };

class Counter {
  private readonly counts = new Map<string, Count>();

  constructor(
    private readonly policy: Policy,
    private readonly clock: () => number,
  ) {}

  waitFor(key: string): number {
    const count = this.counts.get(key);
    if (!count) return 0;
    const now = this.clock();
    if (now - count.lastFailure > FORGET_AFTER_MS) {
      this.counts.delete(key);
      return 0;
    }
    return Math.max(0, count.blockedUntil - now);
  }

  add(key: string, delta: 1 | -1): void {
    const now = this.clock();
    const count = this.counts.get(key) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
    count.failures = Math.max(0, count.failures + delta);
    if (delta > 0) {
      count.lastFailure = now;
      const over = count.failures - this.policy.freeFailures;
      if (over > 0)
        count.blockedUntil =
          now + Math.min(this.policy.longestWaitMs, this.policy.firstWaitMs * 2 ** (over - 1));
    } else if (count.failures <= this.policy.freeFailures) {
      count.blockedUntil = 0;
    }
    this.counts.delete(key);
    this.counts.set(key, count);
    if (this.counts.size > KEYS_MAX) this.counts.delete(this.counts.keys().next().value as string);
  }

  clear(key: string): void {
    this.counts.delete(key);
  }
}

export type Attempt =
  | { readonly allowed: true; readonly user: string; readonly address: string }
  | { readonly allowed: false; readonly waitMs: number };

export class SignInLimiter {
  private readonly users: Counter;
  private readonly addresses: Counter;

  constructor(clock: () => number = Date.now) {
    this.users = new Counter(PER_USER, clock);
    this.addresses = new Counter(PER_ADDRESS, clock);
  }

  /** Reserves an attempt for this user name from this address, or says how long to wait. */
  attempt(userName: string, address: string): Attempt {
    const user = userName.trim().toLowerCase();
    const waitMs = Math.max(this.users.waitFor(user), this.addresses.waitFor(address));
    if (waitMs > 0) return { allowed: false, waitMs };
    this.users.add(user, 1);
    this.addresses.add(address, 1);
    return { allowed: true, user, address };
  }

  /** The attempt signed in: its user name starts afresh, and its address gets its reservation back. */
  succeeded(attempt: Attempt): void {
    if (!attempt.allowed) return;
    this.users.clear(attempt.user);
    this.addresses.add(attempt.address, -1);
  }

  /** The attempt never reached a verdict (the CommCell was down): it does not count as a guess. */
  undecided(attempt: Attempt): void {
    if (!attempt.allowed) return;
    this.users.add(attempt.user, -1);
    this.addresses.add(attempt.address, -1);
  }
}

/** The answer to an attempt that must wait: 429 with the seconds in words and in Retry-After. */
export function slowedDown(waitMs: number, what: string): ApiError {
  const seconds = Math.ceil(waitMs / 1000);
  return new ApiError(429, "too_many_attempts", `Too many ${what}: try again in ${seconds} s.`, undefined, {
    "Retry-After": String(seconds),
  });
}
