"use client";

import { useSyncExternalStore } from "react";

// One clock for the page, however many places show a time: one timer, and every reader ticks in the
// same frame. Readers are small (a cell's "3 min ago", a header's "updated 8 s ago"), so that a tick
// renders them, not the page around them.

const TICK_MS = 1000;
let now: number | null = null;
const readers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(onTick: () => void): () => void {
  readers.add(onTick);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const reader of readers) reader();
    }, TICK_MS);
  }
  // The first reader of a page was drawn with no time yet: it takes the time now.
  onTick();
  return () => {
    readers.delete(onTick);
    if (readers.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
      // Not a time from minutes ago for the next page's first frame.
      now = null;
    }
  };
}

/**
 * The time, ticking every second, so "updated 8 s ago" and relative times stay true. Null until mounted,
 * so the server's render and the browser's first one agree.
 */
export function useNow(): number | null {
  return useClock(identity);
}

const identity = (time: number) => time;

/**
 * What the component needs to know about the time, rather than the time itself: it renders again only when
 * `read` gives a different answer (`Object.is`), so "is this data stale?" costs a comparison a second, not
 * a render. `read` must return a primitive or a value it keeps (a new object every tick would render every
 * tick). Null until mounted, like useNow.
 */
export function useClock<T>(read: (now: number) => T): T | null {
  return useSyncExternalStore(
    subscribe,
    () => (now === null ? null : read(now)),
    () => null,
  );
}
