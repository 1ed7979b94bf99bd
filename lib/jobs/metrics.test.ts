import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import type { Job } from "./job";
import { countByStatus, stoppedSeconds } from "./metrics";
import { STATUS_KINDS } from "./statuses";

const job = (id: number, status: string) => normalizeJobSummary({ jobId: id, status }) as Job;

describe("countByStatus", () => {
  it("counts every kind, with zeros, for no jobs", () => {
    const counts = countByStatus([]);
    expect(Object.keys(counts).sort()).toEqual([...STATUS_KINDS].sort());
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it("counts each job once under its kind, unknown statuses included", () => {
    const counts = countByStatus([
      job(1, "Running"),
      job(2, "Running"),
      job(3, "Failed to Start"),
      job(4, "Dangling"),
    ]);
    expect(counts.running).toBe(2);
    expect(counts.failed_to_start).toBe(1);
    expect(counts.failed).toBe(0);
    expect(counts.unknown).toBe(1);
  });
});

describe("stoppedSeconds", () => {
  it("counts from the last update of a job that waits, and is null otherwise", () => {
    const now = Date.UTC(2026, 10, 23, 22);
    const update = now / 1000 - 600;
    const waiting = normalizeJobSummary({ jobId: 1, status: "Pending", lastUpdateTime: update }) as Job;
    const running = normalizeJobSummary({ jobId: 2, status: "Running", lastUpdateTime: update }) as Job;
    const done = normalizeJobSummary({ jobId: 3, status: "Completed", lastUpdateTime: update }) as Job;
    expect(stoppedSeconds(waiting, now)).toBe(600);
    expect(stoppedSeconds(running, now)).toBeNull();
    expect(stoppedSeconds(done, now)).toBeNull();
  });
});
