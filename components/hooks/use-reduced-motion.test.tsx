// @vitest-environment happy-dom

import { act, cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useReducedMotion } from "./use-reduced-motion";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A matchMedia whose answer the test sets and announces, as a browser would on a settings change. */
function media(matches: boolean) {
  const listeners = new Set<() => void>();
  const state = { matches };
  vi.stubGlobal("matchMedia", (query: string) => ({
    get matches() {
      return query === "(prefers-reduced-motion: reduce)" && state.matches;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }));
  return {
    set(next: boolean) {
      state.matches = next;
      for (const listener of listeners) listener();
    },
  };
}

function Probe() {
  return <p>{useReducedMotion() ? "still" : "moving"}</p>;
}

describe("useReducedMotion", () => {
  it("follows the system's reduced-motion setting, and its changes", () => {
    const system = media(false);
    const { container } = render(<Probe />);
    expect(container.textContent).toBe("moving");
    act(() => system.set(true));
    expect(container.textContent).toBe("still");
  });
});
