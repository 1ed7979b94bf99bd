import { describe, expect, it } from "vitest";
import type { Job } from "./job";
import { countByStatus } from "./metrics";
import { normalizeJobSummary } from "./normalize";
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
