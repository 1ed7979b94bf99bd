// One job's reads (its record and JobDetails, its events) kept briefly per identity: a job page open on
// several screens, or reloaded, asks the CommCell once per TTL, and readers arriving while it is asked
// share that one request. What a person may read stays theirs: entries are per identity, a bounded number
// each, so one reader cannot push another's out; a job acted on is forgotten everywhere at once.

import { LRUCache } from "lru-cache";

export type JobReadKind = "detail" | "events";

export interface JobReadsOptions {
  readonly ttlMs: number;
  /** Identities held at once; the least recently reading go first. */
  readonly maxIdentities: number;
  /** Reads one identity keeps; its own least recently used go first. */
  readonly maxPerIdentity: number;
  readonly clock?: () => number;
}

function keyOf(kind: JobReadKind, jobId: number): string {
  return `${kind}:${jobId}`;
}

export class JobReads {
  private readonly byIdentity: LRUCache<string, LRUCache<string, Promise<unknown>>>;

  constructor(private readonly options: JobReadsOptions) {
    this.byIdentity = new LRUCache({ max: options.maxIdentities });
  }

  /**
   * The read of `kind` for `jobId` as `identity` sees it, made by `read` when none is held or in flight.
   * A failed read is not kept: the next reader asks again.
   */
  get<T>(identity: string, kind: JobReadKind, jobId: number, read: () => Promise<T>): Promise<T> {
    let own = this.byIdentity.get(identity);
    if (!own) {
      own = new LRUCache({
        max: this.options.maxPerIdentity,
        ttl: this.options.ttlMs,
        perf: { now: this.options.clock ?? Date.now },
      });
      this.byIdentity.set(identity, own);
    }
    const key = keyOf(kind, jobId);
    const held = own.get(key) as Promise<T> | undefined;
    if (held) return held;
    const reading = read();
    own.set(key, reading);
    const kept = own;
    reading.catch(() => {
      if (kept.get(key) === reading) kept.delete(key);
    });
    return reading;
  }

  /** Jobs acted on have changed: every identity's reads of them are gone, in flight or not. */
  forgetJobs(jobIds: Iterable<number>): void {
    const ids = [...jobIds];
    for (const own of this.byIdentity.values())
      for (const jobId of ids)
        for (const kind of ["detail", "events"] as const) own.delete(keyOf(kind, jobId));
  }

  /** Forgets every read of one identity (its user signed out). */
  dropIdentity(identity: string): void {
    this.byIdentity.delete(identity);
  }
}
