// Watches of views for the push channel (/api/stream): one watch per identity and view, however many
// screens look at it, ticking once a second while anyone does. A tick asks for the view's body as a
// request would (through the cache, which refreshes it once per TTL, and the per-answer memos, which make a
// tick of an unchanged view a lookup) and tells the watchers when its tag has changed. So a hundred open
// screens of one view cost one refresh per TTL and a hundred small fetches when it changes, instead of a
// hundred requests a second.

import "server-only";
import { isCommCellError } from "@/lib/commcell/errors";
import { type JobFilters, serializeFilters } from "@/lib/jobs/filters";
import { jobsCacheKey, jobViewBody } from "./job-view";
import { getRuntime } from "./runtime";
import type { Viewer } from "./viewer";
import { wallViewBody } from "./wall-view";

export const VIEW_KINDS = ["jobs", "wall"] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

/**
 * What a watcher is told: the view's current tag, when its answer was fetched (a refresh that changed
 * nothing keeps the tag and moves only this: a screen takes it without fetching), and how long its screens
 * are to spread their fetches over (`spreadMs`, see fetchSpreadMs); or why it could not be had.
 */
export type ViewState =
  | { readonly etag: string; readonly fetchedAt: string | null; readonly spreadMs: number }
  | { readonly problem: string };

/** About what one screen's fetch of a new answer costs this server's single thread, in ms. */
const FETCH_COST_MS = 6;
/** The longest spread: every screen holds a new answer within a second of the server having it. */
export const SPREAD_MAX_MS = 800;

/**
 * A notice reaches every screen of a view at once. Were they all to fetch in the same moment, a hundred
 * fetches would queue behind each other on one thread; spread over about what they cost, each is answered
 * as if alone. One screen fetches at once, a hundred over 600 ms.
 */
export function fetchSpreadMs(screens: number): number {
  return Math.min(SPREAD_MAX_MS, Math.max(0, screens) * FETCH_COST_MS);
}

/**
 * A listener hears each new state, and with a new answer told to all the view's screens at once, its own
 * `waitMs`: the place of its screen in the spread (see screenWaitMs).
 */
export type ViewListener = (state: ViewState, waitMs?: number) => void;

/**
 * Where screen `index` of `screens` fetches within `spreadMs`: evenly apart, in the order they joined.
 * Screens that each drew a random moment would still land in clumps (some moments taken by several, the
 * fetches of a clump queued behind each other); a place of its own for each keeps every fetch alone.
 */
export function screenWaitMs(index: number, screens: number, spreadMs: number): number {
  if (screens <= 1) return 0;
  return Math.round((index * spreadMs) / screens);
}

/**
 * The service identity's screens are strangers to each other (anonymous viewers, wall screens): what one
 * is told must not say how many others watch. Their spread is always the longest, and each screen gets a
 * random moment in a slot of its own (slots shuffled, a random point in each): still never two at once,
 * but every screen's wait is uniform over the spread whatever their number.
 */
export function strangerWaitsMs(screens: number, random: () => number = Math.random): number[] {
  const slots = Array.from({ length: screens }, (_, index) => index);
  for (let index = slots.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [slots[index], slots[other]] = [slots[other] as number, slots[index] as number];
  }
  return slots.map((slot) => Math.floor(((slot + random()) * SPREAD_MAX_MS) / screens));
}

/** The spread a view's screens are told: by their number for one person's own screens, else the longest. */
function spreadFor(viewer: Viewer, screens: number): number {
  return viewer.kind === "service" ? SPREAD_MAX_MS : fetchSpreadMs(screens);
}

/** What a watch needs of a view's body: its tag, and the gzip the pages will ask for, to have it made first. */
export interface WatchedBody {
  readonly etag: string;
  readonly fetchedAt?: string | null;
  readonly gzipped?: () => Promise<unknown>;
}

const BODY_OF = {
  jobs: jobViewBody,
  wall: wallViewBody,
} as const satisfies Record<ViewKind, (viewer: Viewer, filters: JobFilters) => Promise<WatchedBody>>;

export const TICK_MS = 1000;

interface Watch {
  readonly listeners: Set<ViewListener>;
  last: ViewState | null;
  ticking: boolean;
  /** A refresh landed while this watch was ticking: it looks again as soon as that tick ends. */
  again: boolean;
  timer: ReturnType<typeof setInterval> | null;
  /** The job cache entry the view is made from. */
  readonly cacheKey: string;
  /** Looks at the view now (its ticks, and each refresh of its cache entry that lands). */
  readonly look: () => void;
}

/** A view's name: its kind and its filters' canonical query, so that equal views share one watch. */
export function viewName(kind: ViewKind, filters: JobFilters): string {
  return `${kind}:${serializeFilters(filters).toString()}`;
}

function sameTag(a: ViewState | null, etag: string): boolean {
  return a !== null && "etag" in a && a.etag === etag;
}

function sameState(a: ViewState | null, b: ViewState): boolean {
  if (a === null) return false;
  return "etag" in b
    ? sameTag(a, b.etag) && "etag" in a && a.fetchedAt === b.fetchedAt
    : "problem" in a && a.problem === b.problem;
}

export interface ViewWatches {
  /**
   * Starts telling `listener` the state of a view, at once if it is known and then on every change; gives
   * the function that stops. The watch of an identity and view ends with its last listener.
   */
  watch(viewer: Viewer, kind: ViewKind, filters: JobFilters, listener: ViewListener): () => void;
  /** How many watches are ticking: one per identity and view, not per screen. */
  count(): number;
}

/** Calls a listener with the cache key after each refresh of the job cache; gives the function that stops. */
export type OnRefresh = (listener: (cacheKey: string) => void) => () => void;

/**
 * Watches over `bodyOf`, the views' bodies (the routes' own, by default), ticking every `tickMs` (which is
 * what asks the cache, and so starts its refreshes) and looking again as soon as `onRefresh` says a refresh
 * has landed: a screen hears of a new answer when the server has it, not up to a tick later.
 */
export function createViewWatches(
  bodyOf: (viewer: Viewer, kind: ViewKind, filters: JobFilters) => Promise<WatchedBody> = (
    viewer,
    kind,
    filters,
  ) => BODY_OF[kind](viewer, filters),
  tickMs = TICK_MS,
  onRefresh: OnRefresh = (listener) => getRuntime().cache.onRefresh(listener),
): ViewWatches {
  const watches = new Map<string, Watch>();
  let stopHearing: (() => void) | null = null;

  async function tick(watch: Watch, viewer: Viewer, kind: ViewKind, filters: JobFilters): Promise<void> {
    if (watch.ticking) {
      // A slow refresh: the next interval tick waits for this one, a landed refresh is looked at after it.
      watch.again = true;
      return;
    }
    watch.ticking = true;
    watch.again = false;
    let state: ViewState;
    try {
      const body = await bodyOf(viewer, kind, filters);
      // A new answer: its gzip is made before the screens are told, so that none of them waits for it.
      if (!sameTag(watch.last, body.etag)) await body.gzipped?.();
      state = {
        etag: body.etag,
        fetchedAt: body.fetchedAt ?? null,
        spreadMs: spreadFor(viewer, watch.listeners.size),
      };
    } catch (error) {
      // The watchers fetch the view themselves on a problem, and get the full error (a 401, a 502) from it.
      state = { problem: isCommCellError(error) ? error.message : "The view could not be refreshed." };
    } finally {
      watch.ticking = false;
    }
    if (!sameState(watch.last, state)) {
      watch.last = state;
      const screens = watch.listeners.size;
      const shuffled = viewer.kind === "service" ? strangerWaitsMs(screens) : null;
      let index = 0;
      for (const listener of watch.listeners) {
        const wait = shuffled
          ? shuffled[index]
          : "spreadMs" in state
            ? screenWaitMs(index, screens, state.spreadMs)
            : undefined;
        index++;
        listener(state, "spreadMs" in state ? wait : undefined);
      }
    }
    if (watch.again && watch.listeners.size > 0) watch.look();
  }

  return {
    watch(viewer, kind, filters, listener) {
      const key = `${viewer.cacheKey}|${viewName(kind, filters)}`;
      let watch = watches.get(key);
      if (!watch) {
        const created: Watch = {
          listeners: new Set(),
          last: null,
          ticking: false,
          again: false,
          timer: null,
          cacheKey: jobsCacheKey(viewer, filters),
          look: () => void tick(created, viewer, kind, filters),
        };
        watches.set(key, created);
        stopHearing ??= onRefresh((cacheKey) => {
          for (const each of watches.values()) if (each.cacheKey === cacheKey) each.look();
        });
        created.timer = setInterval(created.look, tickMs);
        // A watch must not hold the process open at shutdown.
        created.timer.unref?.();
        created.look();
        watch = created;
      } else if (watch.last) {
        // Screens that join at once (a wall of them switched on) spread as the view's screens do now.
        listener(
          "etag" in watch.last
            ? { ...watch.last, spreadMs: spreadFor(viewer, watch.listeners.size + 1) }
            : watch.last,
        );
      }
      watch.listeners.add(listener);
      const held = watch;
      return () => {
        held.listeners.delete(listener);
        if (held.listeners.size > 0 || watches.get(key) !== held) return;
        if (held.timer) clearInterval(held.timer);
        watches.delete(key);
        if (watches.size === 0) {
          stopHearing?.();
          stopHearing = null;
        }
      };
    },
    count: () => watches.size,
  };
}

/** The server's watches. */
export const viewWatches = createViewWatches();
