import { describe, expect, it } from "vitest";
import {
  formatAbsolute,
  formatBucketKey,
  formatBytes,
  formatClock,
  formatDuration,
  formatRelative,
  isTimeZone,
} from "./format";

describe("format", () => {
  it("writes sizes in binary units", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1536)).toBe("1.50 KiB");
    expect(formatBytes(5.5 * 1024 ** 4)).toBe("5.50 TiB");
    expect(formatBytes(300 * 1024 ** 3)).toBe("300 GiB");
    expect(formatBytes(null)).toBe("–");
  });

  it("writes durations as people read them", () => {
    expect(formatDuration(42)).toBe("42 s");
    expect(formatDuration(8040)).toBe("2 h 14 m");
    expect(formatDuration(3 * 86_400 + 7200)).toBe("3 d 2 h");
    expect(formatDuration(null)).toBe("–");
  });

  it("writes times relative to now", () => {
    const now = Date.UTC(2026, 10, 23, 22);
    expect(formatRelative(now - 12 * 60_000, now)).toBe("12 min ago");
    expect(formatRelative(now - 3 * 3600_000, now)).toBe("3 h ago");
    expect(formatRelative(now + 90_000, now)).toBe("in 2 min");
  });

  it("writes absolute times in the chosen zone with the offset", () => {
    const time = Date.UTC(2026, 10, 23, 22, 14, 5);
    expect(formatAbsolute(time, "UTC")).toBe("2026-11-23 22:14:05 +00:00");
    expect(formatAbsolute(time, "Europe/Berlin")).toBe("2026-11-23 23:14:05 +01:00");
    expect(formatAbsolute(time, "America/New_York")).toBe("2026-11-23 17:14:05 -05:00");
  });

  it("shows a wall clock's hours and minutes in the chosen zone, midnight as 00", () => {
    const time = Date.UTC(2026, 10, 23, 23, 5, 59);
    expect(formatClock(time, "UTC")).toBe("23:05");
    expect(formatClock(time, "Europe/Berlin")).toBe("00:05");
    expect(formatClock(time, "Asia/Kolkata")).toBe("04:35");
  });

  it("knows IANA zones", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("formatBucketKey", () => {
  it("reads hour and day buckets as a person does, and leaves other keys alone", () => {
    expect(formatBucketKey("2026-11-30T19")).toBe("30 Nov 19:00");
    expect(formatBucketKey("2026-01-05")).toBe("5 Jan");
    expect(formatBucketKey("fs-lon-001")).toBe("fs-lon-001");
  });
});
