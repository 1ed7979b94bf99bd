// Asking the CommCell less: answers are kept per (identity, upstream query) for a short time, and while one
// is being fetched every other viewer of the same view waits for that fetch instead of starting its own.
// Once an answer exists nobody waits for the CommCell again: past its TTL it is still served, its age in
// `fetchedAt`, while one refresh runs behind it. When the CommCell fails, the last good answer is served,
// marked stale, with the error beside it.

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
  value: FetchedJobs | null;
  fetchedAt: number;
  /** When the last refresh ended, well or not: in an outage the CommCell is asked once per TTL, no more. */
  attemptedAt: number;
  error: CommCellError | null;
  pending: Promise<void> | null;
}

export interface JobCacheOptions {
  readonly ttlMs: number;
  /** Entries kept at most; the least recently used go first. */
  readonly maxEntries: number;
  /** A stale answer older than this is not served: an outage must not show very old data as if current. */
  readonly maxStaleMs: number;
  readonly clock?: () => number;
}

export class JobCache {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: () => number;
  private loads = 0;
  private lastError: { at: number; message: string } | null = null;

  constructor(private readonly options: JobCacheOptions) {
    this.clock = options.clock ?? Date.now;
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
      entry = {
        value: null,
        fetchedAt: 0,
        attemptedAt: Number.NEGATIVE_INFINITY,
        error: null,
        pending: null,
      };
      this.entries.set(key, entry);
      this.evict();
    }
    const due = this.clock() - entry.attemptedAt >= this.options.ttlMs;
    if (due) entry.pending ??= this.refresh(entry, load);
    // Only the first answer for a view is waited for; later ones refresh in the background.
    if (entry.value === null && entry.pending) await entry.pending;
    return this.answer(entry);
  }

  private async refresh(
    entry: Entry,
    load: (previous: { value: FetchedJobs; fetchedAt: number } | null) => Promise<FetchedJobs>,
  ): Promise<void> {
    this.loads++;
    try {
      entry.value = await load(entry.value && { value: entry.value, fetchedAt: entry.fetchedAt });
      entry.fetchedAt = this.clock();
      entry.error = null;
    } catch (error) {
      const failure = isCommCellError(error)
        ? error
        : new CommCellError("network", `Unexpected failure: ${(error as Error).message}`, { cause: error });
      entry.error = failure;
      this.lastError = { at: this.clock(), message: failure.message };
    } finally {
      entry.attemptedAt = this.clock();
      entry.pending = null;
    }
  }

  private answer(entry: Entry): CachedJobs {
    const age = this.clock() - entry.fetchedAt;
    if (entry.value === null || (entry.error && age > this.options.maxStaleMs)) {
      throw entry.error ?? new CommCellError("network", "No answer from the CommCell yet.");
    }
    return {
      value: entry.value,
      fetchedAt: entry.fetchedAt,
      stale: entry.error !== null,
      error: entry.error,
    };
  }

  private evict(): void {
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** For /api/health: entries held, upstream loads made, the last failure. */
  stats(): { entries: number; loads: number; lastError: { at: number; message: string } | null } {
    return { entries: this.entries.size, loads: this.loads, lastError: this.lastError };
  }
}
