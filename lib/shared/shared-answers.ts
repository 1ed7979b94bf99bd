// Job-list answers shared between instances: one upstream fetch per (identity, upstream query) per TTL
// across all of them. Before an instance refreshes a view, it looks in Redis for an answer newer than its
// own and fresh enough; failing that it takes the view's lock (`SET key token NX PX`, released only by its
// holder), fetches, and writes the answer compressed, versioned and bounded in size, then announces it.
// An instance that finds the lock taken waits for that announcement (or the answer appearing) instead of
// fetching too. Each instance keeps its own copy for speed; Redis down means each fetches for itself.

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import type { FetchedJobs } from "@/lib/commcell/job-fetch";
import type { RefreshedJobs } from "@/lib/commcell/job-refresh";
import { keepUnchanged } from "@/lib/jobs/job-changes";
import { isFetchedJobs } from "./answer-shape";
import type { RedisLink } from "./redis-link";
import { RELEASE_LOCK } from "./shared-token";

const pack = promisify(gzip);
const unpack = promisify(gunzip);
/** How many times its compressed size an answer may grow when unpacked: job lists compress about 10-20x. */
const UNPACKED_PER_PACKED = 40;

/** Bumped when the stored shape changes: an instance of another build ignores what it cannot read. */
const FORMAT = 1;
const CHANNEL = "answers";
const LOCK_MS = 60_000;
const WAIT_MS = 30_000;

interface Meta {
  readonly format: number;
  readonly fetchedAt: number;
  readonly bytes: number;
  /** When the answer was merged from a partial fetch: how far back that fetch looked (epoch ms). */
  readonly deltaCoversFrom: number | null;
  /** Whether the whole answer is stored too (after a full fetch); otherwise only its delta is. */
  readonly whole: boolean;
}

type Previous = { value: RefreshedJobs; fetchedAt: number };
/** Lays a delta another instance fetched over this instance's own previous answer (job-refresh's mergeDelta). */
export type MergeDelta = (previous: Previous, delta: FetchedJobs) => RefreshedJobs;

export interface SharedAnswerStats {
  /** Whole answers read from Redis. */
  readonly taken: number;
  /** Deltas read from Redis and merged into this instance's own answer. */
  readonly merged: number;
  readonly written: number;
  readonly tooLarge: number;
}

function readMeta(text: string): Meta | null {
  try {
    const meta = JSON.parse(text) as Partial<Meta>;
    if (typeof meta.format !== "number" || typeof meta.fetchedAt !== "number") return null;
    if (typeof meta.whole !== "boolean") return null;
    if (meta.deltaCoversFrom !== null && typeof meta.deltaCoversFrom !== "number") return null;
    return meta as Meta;
  } catch {
    return null;
  }
}

export class SharedAnswers {
  private readonly waiters = new Map<string, Set<() => void>>();
  private taken = 0;
  private merged = 0;
  private written = 0;
  private tooLarge = 0;

  constructor(
    private readonly link: RedisLink,
    private readonly options: { readonly ttlMs: number; readonly maxBytes: number; readonly keepMs: number },
    private readonly clock: () => number = Date.now,
  ) {
    link.subscribe(CHANNEL, (name) => {
      for (const wake of this.waiters.get(name) ?? []) wake();
    });
  }

  private name(key: string): string {
    // Cache keys carry user names and queries: hashed, they are short and say nothing in Redis, and two
    // keys never share a name (a cut-off encoding could let two long queries of one identity collide).
    return createHash("sha256").update(key).digest("base64url");
  }

  private async fresher(
    name: string,
    previous: Previous | null,
    merge: MergeDelta | null,
  ): Promise<{ value: RefreshedJobs; fetchedAt: number } | null> {
    const than = previous?.fetchedAt ?? 0;
    const metaKey = this.link.key(`answer-meta:${name}`);
    const text = this.link.unseal(metaKey, await this.link.run((client) => client.get(metaKey), null));
    if (!text) return null;
    const meta = readMeta(text);
    if (meta === null) {
      this.link.reject();
      return null;
    }
    if (
      meta.format !== FORMAT ||
      meta.fetchedAt <= than ||
      this.clock() - meta.fetchedAt >= this.options.ttlMs
    )
      return null;
    // The delta alone, when its look-back reaches back to this instance's own answer: a few jobs to read
    // instead of the whole view.
    if (previous && merge && meta.deltaCoversFrom !== null && previous.fetchedAt >= meta.deltaCoversFrom) {
      const delta = await this.readPacked(`answer-delta:${name}`);
      if (delta) {
        try {
          this.merged++;
          return {
            value: { ...merge(previous, delta), sharedFetchedAt: meta.fetchedAt },
            fetchedAt: meta.fetchedAt,
          };
        } catch {
          // Unreadable: the whole answer below.
        }
      }
    }
    // Only the delta was stored, and it does not reach back far enough: this instance fetches for itself.
    if (!meta.whole) return null;
    const value = (await this.readPacked(`answer:${name}`)) as RefreshedJobs | null;
    if (!value) return null;
    try {
      this.taken++;
      // Taken whole: nothing here to merge a delta into. The jobs this instance held unchanged stay its own
      // objects, as after a full fetch of its own (keepUnchanged), so what it derived from them stays valid.
      const jobs = previous ? keepUnchanged(previous.value.jobs, value.jobs) : value.jobs;
      return {
        value: { ...value, jobs, delta: null, sharedFetchedAt: meta.fetchedAt },
        fetchedAt: meta.fetchedAt,
      };
    } catch {
      return null;
    }
  }

  /**
   * A packed answer or delta read back: sealed by this deployment, no larger than what is written, unpacked
   * within a bound, and of the shape served. Anything else is counted (health's redis.rejected) and null.
   */
  private async readPacked(name: string): Promise<FetchedJobs | null> {
    const key = this.link.key(name);
    const value = await this.link.run((client) => client.get(key), null);
    if (value === null) return null;
    // base64 of at most maxBytes, and the seal in front.
    if (value.length > Math.ceil(this.options.maxBytes / 3) * 4 + 64) {
      this.link.reject();
      return null;
    }
    const data = this.link.unseal(key, value);
    if (data === null) return null;
    try {
      const text = (
        await unpack(Buffer.from(data, "base64"), {
          maxOutputLength: this.options.maxBytes * UNPACKED_PER_PACKED,
        })
      ).toString("utf8");
      const parsed: unknown = JSON.parse(text);
      if (isFetchedJobs(parsed)) return parsed;
    } catch {
      // Too large unpacked, or not gzip or JSON: the same as any value not to be served.
    }
    this.link.reject();
    return null;
  }

  /**
   * After a full fetch, the whole answer (compressed); after an incremental one, only its delta: writing a
   * one-year answer every TTL would cost the holder more than fetching the delta did.
   */
  private async write(name: string, value: RefreshedJobs, delta: FetchedJobs | null): Promise<void> {
    const deltaData = delta ? await pack(JSON.stringify(delta)) : null;
    const data = deltaData
      ? null
      : await pack(JSON.stringify({ ...value, delta: null, sharedFetchedAt: undefined }));
    const size = (deltaData ?? data)?.length ?? 0;
    if (size > this.options.maxBytes) {
      // Bounded: an answer this large is fetched by each instance rather than carried through Redis.
      this.tooLarge++;
      return;
    }
    const meta: Meta = {
      format: FORMAT,
      fetchedAt: this.clock(),
      bytes: size,
      deltaCoversFrom: deltaData ? (value.deltaCoversFrom ?? null) : null,
      whole: data !== null,
    };
    const sealed = (key: string, text: string) => this.link.seal(key, text);
    const metaKey = this.link.key(`answer-meta:${name}`);
    const answerKey = this.link.key(`answer:${name}`);
    const deltaKey = this.link.key(`answer-delta:${name}`);
    const ok = await this.link.run(async (client) => {
      const write = client
        .multi()
        .set(metaKey, sealed(metaKey, JSON.stringify(meta)), { PX: this.options.keepMs });
      // As base64 text: the client's replies are strings; the bound is on the compressed bytes.
      if (data) write.set(answerKey, sealed(answerKey, data.toString("base64")), { PX: this.options.keepMs });
      if (deltaData)
        write.set(deltaKey, sealed(deltaKey, deltaData.toString("base64")), { PX: this.options.keepMs });
      await write.exec();
      return true;
    }, false);
    if (ok) {
      this.written++;
      await this.link.publish(CHANNEL, name);
    }
  }

  private waitForNotice(name: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(name) ?? new Set();
      this.waiters.set(name, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(name);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }

  /**
   * The answer for `key`: another instance's if it is newer than `previous` and fresh; else this one's
   * own fetch (`load`) under the view's lock, shared when done; else, while another holds the lock, its.
   */
  async load(
    key: string,
    previous: Previous | null,
    load: (previous: Previous | null) => Promise<RefreshedJobs>,
    merge: MergeDelta | null = null,
  ): Promise<RefreshedJobs> {
    if (!this.link.isReady) return load(previous);
    const name = this.name(key);
    const theirs = await this.fresher(name, previous, merge);
    if (theirs) return theirs.value;
    const token = randomBytes(12).toString("hex");
    const lockKey = this.link.key(`answer-lock:${name}`);
    const taken = await this.link.run(
      (client) => client.set(lockKey, token, { NX: true, PX: LOCK_MS }),
      "DOWN",
    );
    if (taken === "OK") {
      try {
        const value = await load(previous);
        const delta: FetchedJobs | null = value.delta
          ? {
              jobs: [...value.delta],
              upstreamTotal: value.delta.length,
              pages: value.pages,
              durationMs: value.durationMs,
              dropped: value.dropped,
              clockOffsetMs: value.clockOffsetMs,
            }
          : null;
        await this.write(name, value, delta);
        return value;
      } finally {
        await this.link.run(
          (client) => client.eval(RELEASE_LOCK, { keys: [lockKey], arguments: [token] }),
          0,
        );
      }
    }
    if (taken !== "DOWN") {
      // Another instance is fetching this view: its answer is announced when written.
      const started = this.clock();
      while (this.clock() - started < WAIT_MS && this.link.isReady) {
        await this.waitForNotice(name, 500);
        const shared = await this.fresher(name, previous, merge);
        if (shared) return shared.value;
        const held = await this.link.run((client) => client.exists(lockKey), 0);
        if (!held) break;
      }
    }
    return load(previous);
  }

  stats(): SharedAnswerStats {
    return { taken: this.taken, merged: this.merged, written: this.written, tooLarge: this.tooLarge };
  }
}
