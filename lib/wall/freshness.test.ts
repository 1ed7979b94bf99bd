import { describe, expect, it } from "vitest";
import { EMPTY_LOG, formatAge, freshnessOf, recordAnswer, recordFailure } from "./freshness";

const T = 1_800_000_000_000;
const INTERVAL = 30_000;
const good = (fetchedAt: number, serverTime = fetchedAt) => ({
  fetchedAt,
  serverTime,
  stale: false,
  error: null,
});

describe("freshness", () => {
  it("knows no age before the first answer and is not stale", () => {
    expect(freshnessOf(EMPTY_LOG, T, INTERVAL)).toEqual({ ageMs: null, missed: 0, stale: false });
  });

  it("measures age on the server's clock, so a TV whose clock is wrong still tells the truth", () => {
    // The TV's clock is 10 minutes behind the server's.
    const log = recordAnswer(EMPTY_LOG, good(T - 5_000, T), T - 600_000);
    expect(freshnessOf(log, T - 600_000 + 20_000, INTERVAL).ageMs).toBe(25_000);
  });

  it("is stale after two missed refreshes, not one, and clears on the next good answer", () => {
    let log = recordAnswer(EMPTY_LOG, good(T), T);
    log = recordFailure(log, "HTTP 502", T + INTERVAL);
    expect(freshnessOf(log, T + INTERVAL, INTERVAL).stale).toBe(false);
    log = recordFailure(log, "HTTP 502", T + 2 * INTERVAL);
    const stale = freshnessOf(log, T + 2 * INTERVAL, INTERVAL);
    expect(stale).toEqual({ ageMs: 2 * INTERVAL, missed: 2, stale: true });
    expect(log.lastError).toBe("HTTP 502");
    log = recordAnswer(log, good(T + 3 * INTERVAL), T + 3 * INTERVAL);
    expect(freshnessOf(log, T + 3 * INTERVAL, INTERVAL)).toEqual({ ageMs: 0, missed: 0, stale: false });
    expect(log.lastError).toBeNull();
  });

  it("counts a stale answer (the server could not reach the CommCell) as a miss", () => {
    let log = recordAnswer(EMPTY_LOG, good(T), T);
    const staleAnswer = { fetchedAt: T, serverTime: T + INTERVAL, stale: true, error: "CommCell down" };
    log = recordAnswer(log, staleAnswer, T + INTERVAL);
    log = recordAnswer(log, { ...staleAnswer, serverTime: T + 2 * INTERVAL }, T + 2 * INTERVAL);
    expect(freshnessOf(log, T + 2 * INTERVAL, INTERVAL).stale).toBe(true);
    expect(log.lastError).toBe("CommCell down");
  });

  it("counts a request that never ends as missed refreshes", () => {
    const log = recordAnswer(EMPTY_LOG, good(T), T);
    expect(freshnessOf(log, T + 2 * INTERVAL, INTERVAL).stale).toBe(false);
    expect(freshnessOf(log, T + 3 * INTERVAL, INTERVAL)).toMatchObject({ missed: 2, stale: true });
  });

  it("writes ages readably", () => {
    expect(formatAge(45_000)).toBe("45 s");
    expect(formatAge(3 * 60_000 + 5_000)).toBe("3 min");
    expect(formatAge(125 * 60_000)).toBe("2 h 5 min");
    expect(formatAge(120 * 60_000)).toBe("2 h");
    expect(formatAge(72 * 3_600_000)).toBe("3 days");
  });
});
