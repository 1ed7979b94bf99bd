// The same idempotency key sent twice acts once: the second request (a double click, a retry after a lost
// answer) gets the first one's results, waiting for them if they are still being made. A key reused for a
// different request is refused, not silently answered with another request's results.

import { ApiError } from "./api-error";

interface Entry<T> {
  readonly fingerprint: string;
  readonly result: Promise<T>;
  readonly at: number;
}

/** A key sent again for a different request: refused, not answered with another request's results. */
export function reusedKeyError(): ApiError {
  return new ApiError(
    422,
    "idempotency_key_reused",
    "This idempotency key was already used for a different request: send a new key for a new request.",
    "idempotencyKey",
  );
}

export class IdempotencyStore<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  run(key: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
    this.sweep();
    const held = this.entries.get(key);
    if (held) {
      if (held.fingerprint !== fingerprint) throw reusedKeyError();
      return held.result;
    }
    const result = work();
    this.entries.set(key, { fingerprint, result, at: this.clock() });
    // A request that failed as a whole (nothing was acted on) may be tried again with the same key.
    result.catch(() => this.entries.delete(key));
    return result;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [key, entry] of this.entries) {
      if (now - entry.at < this.ttlMs && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
