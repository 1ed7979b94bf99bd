// @vitest-environment happy-dom

import { cleanup, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { isNewFailure } from "@/lib/wall/new-failures";
import { useSeenFailures } from "./use-seen-failures";

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const rows = (...ids: number[]) => ids.map((id) => ({ id }));

describe("useSeenFailures", () => {
  it("marks only failures that appear while the screen is up as new, and remembers them across a reload", () => {
    const { result, rerender, unmount } = renderHook(
      ({ failures }) => useSeenFailures("type=all", failures),
      {
        initialProps: { failures: rows(1, 2) },
      },
    );
    const now = Date.now();
    // What was failed when the screen started is not news.
    expect([1, 2].some((id) => isNewFailure(result.current, id, now))).toBe(false);
    rerender({ failures: rows(3, 1, 2) });
    expect(isNewFailure(result.current, 3, Date.now())).toBe(true);
    unmount();

    // The screen's own reload: the same view finds job 3 still new, and 1 and 2 still old.
    const again = renderHook(() => useSeenFailures("type=all", rows(3, 1, 2)));
    expect(isNewFailure(again.result.current, 3, Date.now())).toBe(true);
    expect(isNewFailure(again.result.current, 1, Date.now())).toBe(false);
  });

  it("keeps views apart: another screen's failures are not this one's", () => {
    renderHook(() => useSeenFailures("clientGroup=London", rows(1)));
    const other = renderHook(() => useSeenFailures("clientGroup=Paris", rows(7)));
    expect(isNewFailure(other.result.current, 7, Date.now())).toBe(false);
  });

  it("waits for the first answer before it records anything", () => {
    const { result } = renderHook(() => useSeenFailures("type=all", undefined));
    expect(result.current.size).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});
