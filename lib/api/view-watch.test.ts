import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CommCellError } from "@/lib/commcell/errors";
import { DEFAULT_FILTERS } from "@/lib/jobs/filters";
import { jobsCacheKey } from "./job-view";
import {
  createViewWatches,
  fetchSpreadMs,
  SPREAD_MAX_MS,
  screenWaitMs,
  strangerWaitsMs,
  type ViewState,
} from "./view-watch";
import type { Viewer } from "./viewer";

const viewer = (cacheKey: string) =>
  ({ kind: cacheKey === "service" ? "service" : "user", name: null, cacheKey }) as unknown as Viewer;

/** No cache behind these watches: only their ticks look. */
const noRefreshes = () => () => {};

/** A stand-in for the job cache's refresh listeners, to say a refresh of an entry has landed. */
function refreshes() {
  const listeners = new Set<(key: string) => void>();
  return {
    onRefresh: (listener: (key: string) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    land: (key: string) => {
      for (const listener of listeners) listener(key);
    },
    count: () => listeners.size,
  };
}

describe("view watches", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("ticks one watch per identity and view, however many listen, and tells each change once", async () => {
    let etag = '"a"';
    const bodyOf = vi.fn(async () => ({ etag }));
    const watches = createViewWatches(bodyOf, 1000, noRefreshes);
    const heard: [string, ViewState][] = [];
    const stops = ["first", "second"].map((name) =>
      watches.watch(viewer("user:eve"), "jobs", DEFAULT_FILTERS, (state) => heard.push([name, state])),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(watches.count()).toBe(1);
    // The second listener arrived before the first tick ended: it hears the first state with the first.
    expect(heard).toEqual([
      ["first", { etag: '"a"', fetchedAt: null, spreadMs: 12 }],
      ["second", { etag: '"a"', fetchedAt: null, spreadMs: 12 }],
    ]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(heard).toHaveLength(2); // unchanged: nothing said
    etag = '"b"';
    await vi.advanceTimersByTimeAsync(1000);
    expect(heard.slice(2)).toEqual([
      ["first", { etag: '"b"', fetchedAt: null, spreadMs: 12 }],
      ["second", { etag: '"b"', fetchedAt: null, spreadMs: 12 }],
    ]);
    // A late listener is told the current state at once.
    // Its notice names the spread of the view's screens with it: three.
    const late: ViewState[] = [];
    const stopLate = watches.watch(viewer("user:eve"), "jobs", DEFAULT_FILTERS, (state) => late.push(state));
    expect(late).toEqual([{ etag: '"b"', fetchedAt: null, spreadMs: 18 }]);
    for (const stop of [...stops, stopLate]) stop();
    expect(watches.count()).toBe(0);
    const ticks = bodyOf.mock.calls.length;
    await vi.advanceTimersByTimeAsync(5000);
    expect(bodyOf.mock.calls.length).toBe(ticks); // ended with its last listener
  });

  it("keeps identities and views apart", async () => {
    const watches = createViewWatches(
      async (v, kind, filters) => ({ etag: `${v.cacheKey}|${kind}|${filters.window}` }),
      1000,
      noRefreshes,
    );
    const heard: ViewState[] = [];
    const listen = (state: ViewState) => heard.push(state);
    watches.watch(viewer("user:ann"), "jobs", DEFAULT_FILTERS, listen);
    watches.watch(viewer("user:bob"), "jobs", DEFAULT_FILTERS, listen);
    watches.watch(viewer("user:bob"), "wall", DEFAULT_FILTERS, listen);
    watches.watch(viewer("user:bob"), "jobs", { ...DEFAULT_FILTERS, window: 3600 }, listen);
    await vi.advanceTimersByTimeAsync(0);
    expect(watches.count()).toBe(4);
    expect(new Set(heard.map((state) => ("etag" in state ? state.etag : "")))).toEqual(
      new Set(["user:ann|jobs|86400", "user:bob|jobs|86400", "user:bob|wall|86400", "user:bob|jobs|3600"]),
    );
  });

  it("tells a CommCell failure as a problem, then the answer when it is back; never two ticks at once", async () => {
    let failing = true;
    let inFlight = 0;
    let most = 0;
    const watches = createViewWatches(
      async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        // A refresh slower than three ticks.
        await new Promise((resolve) => setTimeout(resolve, 3500));
        inFlight--;
        if (failing) throw new CommCellError("timeout", "The CommCell did not answer within 30 s.");
        return { etag: '"ok"' };
      },
      1000,
      noRefreshes,
    );
    const heard: ViewState[] = [];
    watches.watch(viewer("user:eve"), "wall", DEFAULT_FILTERS, (state) => heard.push(state));
    await vi.advanceTimersByTimeAsync(4000);
    expect(heard).toEqual([{ problem: "The CommCell did not answer within 30 s." }]);
    failing = false;
    await vi.advanceTimersByTimeAsync(8000);
    expect(heard.at(-1)).toEqual({ etag: '"ok"', fetchedAt: null, spreadMs: 6 });
    expect(heard).toHaveLength(2);
    expect(most).toBe(1);
  });

  it("looks again as soon as a refresh of its cache entry lands, not at its next tick", async () => {
    let etag = '"a"';
    let slow = false;
    const bodyOf = vi.fn(async () => {
      // What the view was when the look began, however long the look takes.
      const current = etag;
      if (slow) await new Promise((resolve) => setTimeout(resolve, 500));
      return { etag: current };
    });
    const cache = refreshes();
    // Ticks a minute apart: only a landed refresh can explain a look in between.
    const watches = createViewWatches(bodyOf, 60_000, cache.onRefresh);
    const heard: ViewState[] = [];
    const stop = watches.watch(viewer("user:eve"), "jobs", DEFAULT_FILTERS, (state) => heard.push(state));
    const other = watches.watch(viewer("user:ann"), "jobs", DEFAULT_FILTERS, () => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual([{ etag: '"a"', fetchedAt: null, spreadMs: 6 }]);
    expect(cache.count()).toBe(1); // one listener for every watch
    const looks = bodyOf.mock.calls.length;
    etag = '"b"';
    // Another entry's refresh is not this view's business.
    cache.land(jobsCacheKey(viewer("user:bob"), DEFAULT_FILTERS));
    await vi.advanceTimersByTimeAsync(0);
    expect(bodyOf.mock.calls.length).toBe(looks);
    cache.land(jobsCacheKey(viewer("user:eve"), DEFAULT_FILTERS));
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual([
      { etag: '"a"', fetchedAt: null, spreadMs: 6 },
      { etag: '"b"', fetchedAt: null, spreadMs: 6 },
    ]);
    // A refresh that lands while a look is under way is looked at when it ends.
    slow = true;
    cache.land(jobsCacheKey(viewer("user:eve"), DEFAULT_FILTERS));
    etag = '"c"';
    cache.land(jobsCacheKey(viewer("user:eve"), DEFAULT_FILTERS));
    await vi.advanceTimersByTimeAsync(1_100);
    expect(heard.at(-1)).toEqual({ etag: '"c"', fetchedAt: null, spreadMs: 6 });
    stop();
    other();
    expect(cache.count()).toBe(0);
  });

  it("asks a view's screens to spread their fetches over about what they cost, never past 800 ms", () => {
    expect([0, 1, 10, 100, 1000].map(fetchSpreadMs)).toEqual([0, 6, 60, 600, SPREAD_MAX_MS]);
  });

  it("has a new answer's gzip made before it tells the screens, and only for a new answer", async () => {
    let etag = '"a"';
    const made: string[] = [];
    const watches = createViewWatches(
      async () => {
        const current = etag;
        return {
          etag: current,
          gzipped: async () => {
            await new Promise((resolve) => setTimeout(resolve, 100));
            made.push(current);
          },
        };
      },
      1000,
      noRefreshes,
    );
    const heard: [string[], ViewState][] = [];
    watches.watch(viewer("user:eve"), "jobs", DEFAULT_FILTERS, (state) => heard.push([[...made], state]));
    await vi.advanceTimersByTimeAsync(2_500);
    etag = '"b"';
    await vi.advanceTimersByTimeAsync(1_000);
    expect(heard).toEqual([
      [['"a"'], { etag: '"a"', fetchedAt: null, spreadMs: 6 }],
      [['"a"', '"b"'], { etag: '"b"', fetchedAt: null, spreadMs: 6 }],
    ]);
    expect(made).toEqual(['"a"', '"b"']);
  });

  it("tells a refresh that changed nothing by its time alone, and has nothing gzipped for it", async () => {
    let fetchedAt = "2026-12-02T10:00:00.000Z";
    let gzips = 0;
    const watches = createViewWatches(
      async () => ({ etag: '"same"', fetchedAt, gzipped: async () => void gzips++ }),
      1000,
      noRefreshes,
    );
    const heard: ViewState[] = [];
    watches.watch(viewer("user:eve"), "jobs", DEFAULT_FILTERS, (state) => heard.push(state));
    await vi.advanceTimersByTimeAsync(1_500);
    fetchedAt = "2026-12-02T10:00:10.000Z";
    await vi.advanceTimersByTimeAsync(1_000);
    expect(heard).toEqual([
      { etag: '"same"', fetchedAt: "2026-12-02T10:00:00.000Z", spreadMs: 6 },
      { etag: '"same"', fetchedAt: "2026-12-02T10:00:10.000Z", spreadMs: 6 },
    ]);
    expect(gzips).toBe(1);
  });
});

describe("each screen's place in the spread", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("puts the screens told of a new answer evenly apart over the spread, in the order they joined", async () => {
    let etag = '"a"';
    const watches = createViewWatches(async () => ({ etag }), 1000, noRefreshes);
    const waits: (number | undefined)[][] = [[], [], []];
    const stops = waits.map((heard) =>
      watches.watch(viewer("user:eve"), "jobs", DEFAULT_FILTERS, (_state, waitMs) => heard.push(waitMs)),
    );
    await vi.advanceTimersByTimeAsync(0);
    etag = '"b"';
    await vi.advanceTimersByTimeAsync(1000);
    // Three screens spread over 18 ms: 0, 6 and 12 ms, for the first answer and the new one alike.
    expect(waits).toEqual([
      [0, 0],
      [6, 6],
      [12, 12],
    ]);
    // A screen that joins is told the current answer with no place: it draws a moment within the spread.
    const joined: (number | undefined)[] = [];
    stops.push(
      watches.watch(viewer("user:eve"), "jobs", DEFAULT_FILTERS, (_state, waitMs) => joined.push(waitMs)),
    );
    expect(joined).toEqual([undefined]);
    for (const stop of stops) stop();
  });

  it("keeps two hundred screens within the longest spread, none on another's moment", () => {
    const spread = fetchSpreadMs(200);
    const places = Array.from({ length: 200 }, (_, index) => screenWaitMs(index, 200, spread));
    expect(places[0]).toBe(0);
    expect(Math.max(...places)).toBeLessThan(SPREAD_MAX_MS);
    expect(new Set(places).size).toBe(200);
    expect(screenWaitMs(0, 1, fetchSpreadMs(1))).toBe(0);
  });

  it("tells the service identity's screens nothing of how many watch: the longest spread, a random place", async () => {
    const watches = createViewWatches(async () => ({ etag: '"a"' }), 1000, noRefreshes);
    for (const screens of [1, 5]) {
      const heard: (number | undefined)[] = [];
      const spreads: number[] = [];
      const stops = Array.from({ length: screens }, () =>
        watches.watch(viewer("service"), "wall", DEFAULT_FILTERS, (state, waitMs) => {
          if ("spreadMs" in state) spreads.push(state.spreadMs);
          heard.push(waitMs);
        }),
      );
      await vi.advanceTimersByTimeAsync(0);
      expect(new Set(spreads)).toEqual(new Set([SPREAD_MAX_MS]));
      for (const wait of heard) expect(wait).toBeGreaterThanOrEqual(0);
      for (const wait of heard) expect(wait).toBeLessThan(SPREAD_MAX_MS);
      for (const stop of stops) stop();
    }
  });

  it("gives strangers' screens a slot each, in a shuffled order, each wait uniform over the spread", () => {
    const waits = strangerWaitsMs(200);
    const slots = waits.map((wait) => Math.floor((wait * 200) / SPREAD_MAX_MS));
    expect(new Set(slots).size).toBe(200); // never two in one slot
    expect(waits).not.toEqual([...waits].sort((a, b) => a - b)); // not the order they joined
    // One screen alone waits anywhere in the spread, as one of many does: its wait says nothing.
    const alone = Array.from({ length: 400 }, () => strangerWaitsMs(1)[0] as number);
    expect(Math.max(...alone)).toBeGreaterThan(SPREAD_MAX_MS / 2);
    expect(Math.min(...alone)).toBeLessThan(SPREAD_MAX_MS / 2);
  });

  it("gives no place with a problem: the screens fetch the view for its full error", async () => {
    const watches = createViewWatches(
      async () => {
        throw new CommCellError("network", "The CommCell did not answer.");
      },
      1000,
      noRefreshes,
    );
    const heard: [ViewState, number | undefined][] = [];
    const stop = watches.watch(viewer("user:eve"), "jobs", DEFAULT_FILTERS, (state, waitMs) =>
      heard.push([state, waitMs]),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.[1]).toBeUndefined();
    stop();
  });
});
