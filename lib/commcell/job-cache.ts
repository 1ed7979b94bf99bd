// Asking the CommCell less: answers are kept per (identity, upstream query) for a short time, and while one
// is being fetched every other viewer of the same view waits for that fetch instead of starting its own.
// Once an answer exists nobody waits for the CommCell again: past its TTL it is still served, its age in
// `fetchedAt`, while one refresh runs behind it. When the CommCell fails, the last good answer is served,
// marked stale, with the error beside it; never when it refused the identity's token, which must sign in
// again at once.
//
// Bounded by what it holds, not only by entries: the jobs of all answers together stay under `maxJobs`
// (least recently used out first), and one identity has at most `maxColdPerIdentity` first fetches at once,
// so no viewer can make the server fetch and hold without limit by inventing views.

import { CommCellError, isCommCellError } from "./errors";
import type { RefreshedJobs } from "./job-refresh";

type FetchedJobs = RefreshedJobs;

export interface CachedJobs {
  readonly value: FetchedJobs;
  /** When the value was fetched (epoch ms). */
  readonly fetchedAt: number;
  /** True when the value is older than the TTL because the last refresh failed. */
  readonly stale: boolean;
  /** The error of the last refresh, when it failed. */
  readonly error: CommCellError | null;
}

interface Entry {
  readonly identity: string;
  value: FetchedJobs | null;
  fetchedAt: number;
  /** When the last refresh ended, well or not: in an outage the CommCell is asked once per TTL, no more. */
  attemptedAt: number;
  error: CommCellError | null;
  pending: Promise<void> | null;
  /** Set by `expireHolding`: the next answer waits for the refresh instead of serving what is held. */
  waitForRefresh: boolean;
  /** Counts `expireHolding` calls, so a refresh that began before one does not count as after it. */
  expiries: number;
}

export interface JobCacheOptions {
  readonly ttlMs: number;
  /** Entries kept at most; the least recently used go first. */
  readonly maxEntries: number;
  /** Jobs kept at most over all entries; the least recently used entries go first. */
  readonly maxJobs?: number;
  /**
   * Entries one identity keeps at most: past it, that identity's own least recently used go, so one user
   * asking for many views cannot push other users' answers out.
   */
  readonly maxEntriesPerIdentity?: number;
  /** First fetches (nothing to serve yet) one identity may have running at once. */
  readonly maxColdPerIdentity?: number;
  /** A stale answer older than this is not served: an outage must not show very old data as if current. */
  readonly maxStaleMs: number;
  readonly clock?: () => number;
}

// The cache is made in instrumentation's bundle and its errors caught in the routes' bundles, each with
// its own copy of this class: a registered symbol brands every copy's instances alike.
const BUSY = Symbol.for("commcell-job-monitor.CacheBusyError");

/** Too many new views at once for one identity: try again in a moment. */
export class CacheBusyError extends Error {
  override readonly name = "CacheBusyError";
  readonly [BUSY] = true;
}

export function isCacheBusyError(error: unknown): error is CacheBusyError {
  return typeof error === "object" && error !== null && (error as { [BUSY]?: boolean })[BUSY] === true;
}

/** The identity part of a cache key, `identity|query`. */
function identityOf(key: string): string {
  const bar = key.indexOf("|");
  return bar < 0 ? key : key.slice(0, bar);
}

export class JobCache {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: () => number;
  private readonly maxJobs: number;
  private readonly maxCold: number;
  private readonly maxPerIdentity: number;
  private readonly cold = new Map<string, number>();
  private jobsHeld = 0;
  private loads = 0;
  private lastError: { at: number; kind: string; message: string } | null = null;
  private readonly refreshListeners = new Set<(key: string) => void>();

  constructor(private readonly options: JobCacheOptions) {
    this.clock = options.clock ?? Date.now;
    this.maxJobs = options.maxJobs ?? Number.POSITIVE_INFINITY;
    this.maxCold = options.maxColdPerIdentity ?? Number.POSITIVE_INFINITY;
    this.maxPerIdentity = options.maxEntriesPerIdentity ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Calls `listener` with the entry's key after each refresh, well or not (a failure makes the answer stale, which screens show),
   * so that what tells screens of a change (the push channel's watches) tells them at once instead of at its
   * next look. Gives the function that stops.
   */
  onRefresh(listener: (key: string) => void): () => void {
    this.refreshListeners.add(listener);
    return () => this.refreshListeners.delete(listener);
  }

  /** `load` gets the answer it refreshes (null the first time), so it may fetch only what changed. */
  async get(
    key: string,
    load: (previous: { value: FetchedJobs; fetchedAt: number } | null) => Promise<FetchedJobs>,
  ): Promise<CachedJobs> {
    let entry = this.entries.get(key);
    if (entry) {
      // Least recently used last in the map's order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      const identity = identityOf(key);
      if ((this.cold.get(identity) ?? 0) >= this.maxCold) {
        throw new CacheBusyError(
          `${this.maxCold} new views are already being fetched for you; this one can be asked for again in a moment.`,
        );
      }
      entry = {
        identity,
        value: null,
        fetchedAt: 0,
        attemptedAt: Number.NEGATIVE_INFINITY,
        error: null,
        pending: null,
        waitForRefresh: false,
        expiries: 0,
      };
      this.entries.set(key, entry);
      this.evict(entry);
    }
    // Only the first answer for a view is waited for (and, after `expireHolding`, a refresh begun after it);
    // later ones refresh in the background.
    for (;;) {
      const due = this.clock() - entry.attemptedAt >= this.options.ttlMs;
      if (due) entry.pending ??= this.refresh(key, entry, load);
      if (!((entry.value === null || entry.waitForRefresh) && entry.pending)) break;
      await entry.pending;
    }
    return this.answer(entry);
  }

  private async refresh(
    key: string,
    entry: Entry,
    load: (previous: { value: FetchedJobs; fetchedAt: number } | null) => Promise<FetchedJobs>,
  ): Promise<void> {
    this.loads++;
    const first = entry.value === null;
    const expiries = entry.expiries;
    if (first) this.cold.set(entry.identity, (this.cold.get(entry.identity) ?? 0) + 1);
    try {
      const value = await load(entry.value && { value: entry.value, fetchedAt: entry.fetchedAt });
      if (this.entries.get(key) === entry)
        this.jobsHeld += value.jobs.length - (entry.value?.jobs.length ?? 0);
      entry.value = value;
      // An answer another instance fetched is as old as it is there, not as old as its arrival here.
      entry.fetchedAt = Math.min(this.clock(), value.sharedFetchedAt ?? Number.POSITIVE_INFINITY);
      entry.error = null;
      this.evict(entry);
    } catch (error) {
      const failure = isCommCellError(error)
        ? error
        : new CommCellError("network", `Unexpected failure: ${(error as Error).message}`, { cause: error });
      entry.error = failure;
      this.lastError = { at: this.clock(), kind: failure.kind, message: failure.message };
      // A refused token is not an outage: nothing of this entry may be served again.
      if (failure.kind === "auth") this.remove(key, entry);
    } finally {
      entry.pending = null;
      if (entry.expiries === expiries) {
        // Taken from another instance: the next refresh falls when that answer's TTL ends, as theirs does.
        const taken = entry.error === null ? entry.value?.sharedFetchedAt : undefined;
        entry.attemptedAt = Math.min(this.clock(), taken ?? Number.POSITIVE_INFINITY);
        entry.waitForRefresh = false;
      }
      if (first) {
        const left = (this.cold.get(entry.identity) ?? 1) - 1;
        if (left > 0) this.cold.set(entry.identity, left);
        else this.cold.delete(entry.identity);
      }
    }
    for (const listener of this.refreshListeners) {
      try {
        listener(key);
      } catch (error) {
        // A listener's mistake is its own: the refresh has landed all the same.
        console.error(`job cache: a refresh listener failed: ${(error as Error).message}`);
      }
    }
  }

  private answer(entry: Entry): CachedJobs {
    const age = this.clock() - entry.fetchedAt;
    if (
      entry.value === null ||
      (entry.error && (entry.error.kind === "auth" || age > this.options.maxStaleMs))
    ) {
      throw entry.error ?? new CommCellError("network", "No answer from the CommCell yet.");
    }
    return {
      value: entry.value,
      fetchedAt: entry.fetchedAt,
      stale: entry.error !== null,
      error: entry.error,
    };
  }

  private remove(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.jobsHeld -= entry.value?.jobs.length ?? 0;
  }

  /**
   * Drops the least recently used entries past the limits, never `keep` (the one being answered): first
   * those of `keep`'s identity past its own limit, then any.
   */
  private evict(keep: Entry): void {
    let own = 0;
    for (const entry of this.entries.values()) if (entry.identity === keep.identity) own++;
    for (const [key, entry] of this.entries) {
      if (own <= this.maxPerIdentity) break;
      if (entry === keep || entry.identity !== keep.identity) continue;
      this.remove(key, entry);
      own--;
    }
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && this.jobsHeld <= this.maxJobs) return;
      if (entry !== keep) this.remove(key, entry);
    }
  }

  /**
   * Jobs were acted on: the answers holding any of them are out of date, and so is every answer of whoever
   * acted (a resubmitted job is new, in views that did not hold the old one). The next request of each
   * refreshes it and waits for that refresh, so the actor sees the result at once, not a TTL later; other
   * views stay as they are. What is held stays for the incremental refresh, and is served if it fails.
   * Gives how many answers were expired.
   */
  expireHolding(jobIds: ReadonlySet<number>, identity: string): number {
    let expired = 0;
    for (const entry of this.entries.values()) {
      if (entry.identity !== identity && !entry.value?.jobs.some((job) => jobIds.has(job.id))) continue;
      entry.attemptedAt = Number.NEGATIVE_INFINITY;
      entry.waitForRefresh = true;
      entry.expiries++;
      expired++;
    }
    return expired;
  }

  /** Forgets every answer of one identity (its user signed out, or their token was refused). */
  dropIdentity(identity: string): number {
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (entry.identity !== identity) continue;
      this.remove(key, entry);
      dropped++;
    }
    return dropped;
  }

  /** For /api/health: entries and jobs held, upstream loads made, the last failure. */
  stats(): {
    entries: number;
    jobs: number;
    loads: number;
    lastError: { at: number; kind: string; message: string } | null;
  } {
    return { entries: this.entries.size, jobs: this.jobsHeld, loads: this.loads, lastError: this.lastError };
  }
}
