import { describe, expect, it } from "vitest";
import { CommCellError } from "./errors";
import { JobCache } from "./job-cache";
import type { RefreshedJobs } from "./job-refresh";

type FetchedJobs = RefreshedJobs;

const fetched = (pages: number, jobs = 0): FetchedJobs => ({
  jobs: Array.from({ length: jobs }, (_, id) => ({ id }) as FetchedJobs["jobs"][number]),
  upstreamTotal: 0,
  pages,
  durationMs: 1,
  dropped: { hidden: 0, unreadable: 0 },
  fullAt: 0,
  incremental: false,
  clockOffsetMs: 0,
  version: 0,
  delta: null,
});

function cache(
  options: Partial<{
    ttlMs: number;
    maxEntries: number;
    maxStaleMs: number;
    maxJobs: number;
    maxColdPerIdentity: number;
    maxEntriesPerIdentity: number;
  }> = {},
) {
  let now = 1_000_000;
  const store = new JobCache({
    ttlMs: 10_000,
    maxEntries: 100,
    maxStaleMs: 3_600_000,
    ...options,
    clock: () => now,
  });
  return { store, tick: (ms: number) => (now += ms) };
}

describe("JobCache", () => {
  it("makes one upstream load for a hundred viewers of the same view", async () => {
    const { store } = cache();
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return fetched(loads);
    };
    const answers = await Promise.all(Array.from({ length: 100 }, () => store.get("admin|view", load)));
    expect(loads).toBe(1);
    expect(answers.every((a) => a.value.pages === 1 && !a.stale)).toBe(true);
  });

  it("keeps an answer for the TTL, then refreshes it without making anyone wait", async () => {
    const { store, tick } = cache();
    let loads = 0;
    let release: () => void = () => {};
    const load = async () => {
      loads++;
      if (loads > 1) await new Promise<void>((resolve) => (release = resolve));
      return fetched(loads);
    };
    await store.get("k", load);
    tick(9_999);
    expect((await store.get("k", load)).value.pages).toBe(1);
    expect(loads).toBe(1);
    tick(2);
    // Past the TTL: the old answer at once, one refresh behind it, however many ask.
    const during = await Promise.all([store.get("k", load), store.get("k", load)]);
    expect(during.map((a) => a.value.pages)).toEqual([1, 1]);
    expect(loads).toBe(2);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await store.get("k", load)).value.pages).toBe(2);
  });

  it("keeps identities and queries apart", async () => {
    const { store } = cache();
    let loads = 0;
    const load = async () => fetched(++loads);
    await store.get("alice|q1", load);
    await store.get("bob|q1", load);
    await store.get("alice|q2", load);
    expect(loads).toBe(3);
  });

  it("serves the last good answer, stale, with the error, when the CommCell fails", async () => {
    const { store, tick } = cache();
    await store.get("k", async () => fetched(1));
    tick(20_000);
    const failing = async (): Promise<FetchedJobs> => {
      throw new CommCellError("timeout", "The CommCell did not answer within 30 s.");
    };
    // The first ask after the TTL gets the old answer while the refresh runs; once it fails, it is stale.
    expect(await store.get("k", failing)).toMatchObject({ stale: false, value: { pages: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const answer = await store.get("k", failing);
    expect(answer).toMatchObject({ stale: true, value: { pages: 1 } });
    expect(answer.error?.kind).toBe("timeout");
    // Recovery, at the next refresh, clears the flag by itself.
    tick(20_000);
    expect((await store.get("k", async () => fetched(2))).stale).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await store.get("k", async () => fetched(3))).toMatchObject({
      stale: false,
      error: null,
      value: { pages: 2 },
    });
  });

  it("throws when there is nothing to serve, and when what there is is too old", async () => {
    const { store, tick } = cache({ maxStaleMs: 60_000 });
    const failing = async (): Promise<FetchedJobs> => {
      throw new CommCellError("network", "refused");
    };
    await expect(store.get("new", failing)).rejects.toThrow("refused");
    // Within the TTL the failure is answered again without asking the CommCell again.
    let asked = 0;
    await expect(store.get("new", async () => fetched(++asked))).rejects.toThrow("refused");
    expect(asked).toBe(0);
    await store.get("k", async () => fetched(1));
    tick(61_000);
    await store.get("k", failing);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(store.get("k", failing)).rejects.toThrow("refused");
    expect(store.stats().lastError?.message).toBe("refused");
  });

  it("turns unexpected failures into a typed error", async () => {
    const { store } = cache();
    const error = await store
      .get("k", async () => {
        throw new TypeError("boom");
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommCellError);
  });

  it("holds at most maxEntries, dropping the least recently used", async () => {
    const { store } = cache({ maxEntries: 2 });
    let loads = 0;
    const load = async () => fetched(++loads);
    await store.get("a", load);
    await store.get("b", load);
    await store.get("a", load);
    await store.get("c", load);
    expect(store.stats().entries).toBe(2);
    await store.get("a", load);
    expect(loads).toBe(3);
    await store.get("b", load);
    expect(loads).toBe(4);
  });

  it("holds at most maxJobs over all answers, dropping the least recently used, never the one asked for", async () => {
    const { store } = cache({ maxJobs: 250 });
    await store.get("a|1", async () => fetched(1, 100));
    await store.get("a|2", async () => fetched(1, 100));
    expect(store.stats()).toMatchObject({ entries: 2, jobs: 200 });
    await store.get("a|3", async () => fetched(1, 100));
    expect(store.stats()).toMatchObject({ entries: 2, jobs: 200 });
    // One answer larger than the whole limit is still served, alone.
    const big = await store.get("a|4", async () => fetched(1, 1000));
    expect(big.value.jobs).toHaveLength(1000);
    expect(store.stats()).toMatchObject({ entries: 1, jobs: 1000 });
  });

  it("keeps one identity asking for many views from pushing out another's answers", async () => {
    const { store } = cache({ maxEntries: 10, maxEntriesPerIdentity: 4 });
    let loads = 0;
    const load = async () => fetched(++loads);
    await store.get("alice|mine", load);
    for (let view = 0; view < 50; view++) await store.get(`mallory|window=${view}h`, load);
    expect(store.stats().entries).toBe(5);
    const before = loads;
    // Alice's answer is still held: asking again within the TTL loads nothing.
    await store.get("alice|mine", load);
    expect(loads).toBe(before);
    // Mallory's oldest went first: their last four are held.
    await store.get("mallory|window=49h", load);
    expect(loads).toBe(before);
    await store.get("mallory|window=0h", load);
    expect(loads).toBe(before + 1);
  });

  it("lets one identity fetch only a few new views at once, without slowing the others", async () => {
    const { store } = cache({ maxColdPerIdentity: 2 });
    const releases: (() => void)[] = [];
    const slow = () => new Promise<FetchedJobs>((resolve) => releases.push(() => resolve(fetched(1))));
    const first = [store.get("mallory|1", slow), store.get("mallory|2", slow)];
    await expect(store.get("mallory|3", slow)).rejects.toThrow("new views are already being fetched");
    // The same view is shared, not refused; another identity is not held up.
    const shared = store.get("mallory|1", slow);
    await expect(store.get("alice|1", async () => fetched(7))).resolves.toMatchObject({
      value: { pages: 7 },
    });
    for (const release of releases) release();
    await Promise.all([...first, shared]);
    await expect(store.get("mallory|3", async () => fetched(3))).resolves.toMatchObject({
      value: { pages: 3 },
    });
  });

  it("never serves a stale answer after the CommCell refused the token", async () => {
    const { store, tick } = cache();
    await store.get("alice|q", async () => fetched(1));
    tick(20_000);
    const refused = async (): Promise<FetchedJobs> => {
      throw new CommCellError("auth", "The CommCell refused the token (HTTP 401).");
    };
    await store.get("alice|q", refused);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(store.get("alice|q", refused)).rejects.toThrow("refused the token");
    // After signing in again, the view is fetched anew at once, not in a TTL.
    await expect(store.get("alice|q", async () => fetched(2))).resolves.toMatchObject({
      value: { pages: 2 },
    });
  });

  it("forgets every answer of an identity that signed out", async () => {
    const { store } = cache();
    await store.get("alice|q1", async () => fetched(1, 5));
    await store.get("alice|q2", async () => fetched(1, 5));
    await store.get("bob|q1", async () => fetched(1, 5));
    expect(store.dropIdentity("alice")).toBe(2);
    expect(store.stats()).toMatchObject({ entries: 1, jobs: 5 });
    let asked = 0;
    await store.get("alice|q1", async () => fetched(++asked));
    expect(asked).toBe(1);
  });

  it("after an action, answers only with a refresh begun after it, even within the TTL", async () => {
    const { store } = cache();
    let loads = 0;
    let release: () => void = () => {};
    const load = async () => {
      loads++;
      if (loads === 2) await new Promise<void>((resolve) => (release = resolve));
      return fetched(loads, 1);
    };
    expect((await store.get("alice|view", load)).value.pages).toBe(1);
    store.expireHolding(new Set([0]), "bob");
    // A refresh starts; an action lands while it runs; the answer must come from the refresh after that.
    const waiting = store.get("alice|view", load);
    await Promise.resolve();
    store.expireHolding(new Set([0]), "bob");
    release();
    expect((await waiting).value.pages).toBe(3);
    expect((await store.get("alice|view", load)).value.pages).toBe(3);
    expect(loads).toBe(3);
  });
});

describe("JobCache after an action", () => {
  it("expires only the answers holding the jobs acted on, and every answer of whoever acted", async () => {
    const { store } = cache();
    const holding = (ids: number[]): FetchedJobs => ({
      ...fetched(1),
      jobs: ids.map((id) => ({ id }) as FetchedJobs["jobs"][number]),
    });
    const loads: string[] = [];
    const load = (key: string, ids: number[]) => async () => {
      loads.push(key);
      return holding(ids);
    };
    await store.get("alice|failed", load("alice|failed", [1, 2]));
    await store.get("bob|running", load("bob|running", [3]));
    await store.get("bob|failed", load("bob|failed", [2]));
    await store.get("carol|old", load("carol|old", [9]));
    loads.length = 0;
    // Carol resubmits job 2: views holding it, and all of hers, refresh before they answer.
    expect(store.expireHolding(new Set([2]), "carol")).toBe(3);
    for (const [key, ids] of [
      ["alice|failed", [1, 2]],
      ["bob|running", [3]],
      ["bob|failed", [2]],
      ["carol|old", [9]],
    ] as const)
      await store.get(key, load(key, [...ids]));
    expect(loads.sort()).toEqual(["alice|failed", "bob|failed", "carol|old"]);
  });
});

describe("JobCache refresh listeners", () => {
  it("hears each refresh of an entry, well or not, and a failing listener spoils nothing", async () => {
    const { store, tick } = cache();
    const heard: string[] = [];
    store.onRefresh(() => {
      throw new Error("listener bug");
    });
    const stop = store.onRefresh((key) => heard.push(key));
    let failing = false;
    const load = async () => {
      if (failing) throw new CommCellError("timeout", "The CommCell did not answer within 30 s.");
      return fetched(1);
    };
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect((await store.get("admin|view", load)).stale).toBe(false);
      expect(heard).toEqual(["admin|view"]);
      tick(10_000);
      failing = true;
      await store.get("admin|view", load);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(heard).toEqual(["admin|view", "admin|view"]);
      expect((await store.get("admin|view", load)).stale).toBe(true);
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(2);
    stop();
    tick(10_000);
    failing = false;
    await store.get("admin|view", load);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toHaveLength(2);
  });
});
