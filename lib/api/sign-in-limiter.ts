// Slows down guessing: after a few failed sign-ins from one address, each further attempt must wait, twice
// as long each time (capped), before the CommCell is asked. The CommCell locks accounts too, but a locked
// service or admin account is an outage of its own, so guesses are stopped here first.

const FREE_FAILURES = 3;
const FIRST_WAIT_MS = 2000;
const LONGEST_WAIT_MS = 5 * 60_000;
const FORGET_AFTER_MS = 60 * 60_000;
const ADDRESSES_MAX = 10_000;

interface Record {
  failures: number;
  blockedUntil: number;
  lastFailure: number;
}

export class SignInLimiter {
  private readonly byAddress = new Map<string, Record>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Milliseconds this address must still wait; 0 when it may try. */
  waitFor(address: string): number {
    const record = this.byAddress.get(address);
    if (!record) return 0;
    const now = this.clock();
    if (now - record.lastFailure > FORGET_AFTER_MS) {
      this.byAddress.delete(address);
      return 0;
    }
    return Math.max(0, record.blockedUntil - now);
  }

  failed(address: string): void {
    const now = this.clock();
    const record = this.byAddress.get(address) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
    record.failures++;
    record.lastFailure = now;
    if (record.failures > FREE_FAILURES) {
      record.blockedUntil =
        now + Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (record.failures - FREE_FAILURES - 1));
    }
    this.byAddress.delete(address);
    this.byAddress.set(address, record);
    if (this.byAddress.size > ADDRESSES_MAX)
      this.byAddress.delete(this.byAddress.keys().next().value as string);
  }

  succeeded(address: string): void {
    this.byAddress.delete(address);
  }
}
