import { describe, expect, it } from "vitest";
import { byteAxis } from "./byte-axis";

const TIB = 1024 ** 4;
const GIB = 1024 ** 3;

describe("byteAxis", () => {
  it("steps through round numbers of the largest unit the top needs", () => {
    expect(byteAxis(18 * TIB)).toEqual({ ticks: [0, 5, 10, 15, 20].map((n) => n * TIB), top: 20 * TIB });
    expect(byteAxis(7.3 * TIB).ticks).toEqual([0, 2, 4, 6, 8].map((n) => n * TIB));
    expect(byteAxis(1.2 * TIB).ticks).toEqual([0, 0.5, 1, 1.5].map((n) => n * TIB));
    expect(byteAxis(900 * GIB).ticks).toEqual([0, 250, 500, 750, 1000].map((n) => n * GIB));
  });

  it("reaches the maximum and never more than the intervals asked for", () => {
    for (const max of [1, 999, 1023, 1024, 5e9, 3.3e12, 9.99e14, 2 ** 53]) {
      const { ticks, top } = byteAxis(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length - 1).toBeLessThanOrEqual(4);
      expect(ticks[0]).toBe(0);
      // Evenly spaced, whole bytes.
      for (const tick of ticks) expect(Number.isInteger(tick)).toBe(true);
    }
  });

  it("a maximum that is a tick is the top, not one step below it", () => {
    expect(byteAxis(20 * TIB).top).toBe(20 * TIB);
    expect(byteAxis(4 * GIB).ticks).toEqual([0, 1, 2, 3, 4].map((n) => n * GIB));
  });

  it("gives an axis for nothing to draw (no sizes, or sizes that are not numbers)", () => {
    for (const max of [0, -5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(byteAxis(max)).toEqual({ ticks: [0, 1024], top: 1024 });
  });
});
