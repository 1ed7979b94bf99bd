import { describe, expect, it } from "vitest";
import { DEFAULT_SPREAD_MS, noticeDelayMs } from "./notice-spread";

describe("noticeDelayMs", () => {
  const view = "jobs:type=all";
  it("waits a random moment within the window the server names", () => {
    expect(noticeDelayMs({ view, etag: '"a"', spreadMs: 600 }, () => 0.5)).toBe(300);
    expect(noticeDelayMs({ view, etag: '"a"', spreadMs: 0 }, () => 0.9)).toBe(0);
  });

  it("waits for the place the server gave this screen, when it gave one that can be believed", () => {
    expect(noticeDelayMs({ view, etag: '"a"', spreadMs: 600, waitMs: 240 }, () => 0.9)).toBe(240);
    expect(noticeDelayMs({ view, etag: '"a"', spreadMs: 600, waitMs: 0 }, () => 0.9)).toBe(0);
    // A place past belief is ignored: a random moment within the window, as without one.
    for (const waitMs of [-5, 60_000, Number.NaN, "240" as unknown as number])
      expect(noticeDelayMs({ view, etag: '"a"', spreadMs: 600, waitMs }, () => 0.5)).toBe(300);
  });

  it("uses the usual window when the notice names none, or one past belief", () => {
    for (const spreadMs of [undefined, -1, 5000, Number.NaN, "600" as unknown as number]) {
      expect(
        noticeDelayMs({ view, etag: '"a"', ...(spreadMs === undefined ? {} : { spreadMs }) }, () => 1),
      ).toBe(DEFAULT_SPREAD_MS);
    }
    expect(noticeDelayMs({ view, problem: "The CommCell did not answer." }, () => 1)).toBe(DEFAULT_SPREAD_MS);
  });
});
