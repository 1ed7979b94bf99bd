import { describe, expect, it } from "vitest";
import { QUIET_WAIT_MAX_MS, reloadDue } from "./reload-schedule";

const T = 1_800_000_000_000;
const H = 3_600_000;
const base = { loadedAt: T, everyHours: 6, lastRefreshOk: true, highlighting: false };

describe("reloadDue", () => {
  it("waits for the interval", () => {
    expect(reloadDue({ ...base, now: T + 6 * H - 1 })).toBe(false);
    expect(reloadDue({ ...base, now: T + 6 * H })).toBe(true);
  });

  it("never reloads while the server is failing: the TV would be left on an error page", () => {
    expect(reloadDue({ ...base, now: T + 30 * H, lastRefreshOk: false })).toBe(false);
  });

  it("waits while a new failure is highlighted, for at most an hour", () => {
    expect(reloadDue({ ...base, now: T + 6 * H, highlighting: true })).toBe(false);
    expect(reloadDue({ ...base, now: T + 6 * H + QUIET_WAIT_MAX_MS, highlighting: true })).toBe(true);
  });
});
