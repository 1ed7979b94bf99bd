import { describe, expect, it } from "vitest";
import {
  anyNewFailure,
  HIGHLIGHT_MS,
  isNewFailure,
  parseSeen,
  serializeSeen,
  trackFailures,
} from "./new-failures";

const T = 1_800_000_000_000;

describe("new failures", () => {
  it("treats what is there when the screen starts as known", () => {
    const seen = trackFailures(null, [1, 2], T);
    expect(isNewFailure(seen, 1, T)).toBe(false);
    expect(anyNewFailure(seen, T)).toBe(false);
  });

  it("highlights a failure that appears for a few minutes, then not", () => {
    let seen = trackFailures(null, [1], T);
    seen = trackFailures(seen, [2, 1], T + 30_000);
    expect(isNewFailure(seen, 2, T + 30_000)).toBe(true);
    expect(isNewFailure(seen, 1, T + 30_000)).toBe(false);
    // Still the same first-seen time a refresh later.
    seen = trackFailures(seen, [2, 1], T + 60_000);
    expect(isNewFailure(seen, 2, T + 30_000 + HIGHLIGHT_MS - 1)).toBe(true);
    expect(isNewFailure(seen, 2, T + 30_000 + HIGHLIGHT_MS)).toBe(false);
    expect(anyNewFailure(seen, T + 30_000 + HIGHLIGHT_MS)).toBe(false);
  });

  it("forgets failures that left the list, so the map does not grow for weeks", () => {
    let seen = trackFailures(null, [1, 2, 3], T);
    seen = trackFailures(seen, [3], T + 1);
    expect([...seen.keys()]).toEqual([3]);
  });

  it("survives a round trip through storage and refuses anything else", () => {
    const seen = trackFailures(trackFailures(null, [1], T), [1, 2], T + 5);
    expect(parseSeen(serializeSeen(seen))).toEqual(seen);
    for (const bad of [null, "", "{", "{}", "[[1]]", '[["x",1]]', "[[1,null]]"])
      expect(parseSeen(bad)).toBeNull();
  });
});
