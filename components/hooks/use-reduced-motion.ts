"use client";

// Whether the person asked their system for less motion: charts then draw at once instead of growing in
// (and the screenshot run asks for it, so a screenshot never catches a chart half drawn).

import { useSyncExternalStore } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

function subscribe(changed: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener("change", changed);
  return () => media.removeEventListener("change", changed);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    // On the server nothing is drawn yet; drawn in the browser, the chart asks the browser.
    () => true,
  );
}
