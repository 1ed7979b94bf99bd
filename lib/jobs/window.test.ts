import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import type { Job } from "./job";
import { WINDOW_TOLERANCE_MS, withinWindow } from "./window";

const NOW = Date.UTC(2026, 11, 1, 12);
const job = (id: number, status: string, endedSecondsAgo: number | null) =>
  normalizeJobSummary({
    jobId: id,
    status,
    ...(endedSecondsAgo === null ? {} : { jobEndTime: Math.floor(NOW / 1000) - endedSecondsAgo }),
  }) as Job;

describe("withinWindow", () => {
  it("drops finished jobs that ended before the window, on the clock it is given", () => {
    const jobs = [job(1, "Failed", 370 * 86_400), job(2, "Failed", 3600), job(3, "Running", null)];
    expect(withinWindow(jobs, 86_400, NOW).map((j) => j.id)).toEqual([2, 3]);
    // On a CommCell clock two days ahead of ours, the job that ended an hour before our now is out.
    expect(withinWindow(jobs, 86_400, NOW + 2 * 86_400_000).map((j) => j.id)).toEqual([3]);
  });

  it("keeps a job at the edge within the tolerance, and active jobs whenever they started", () => {
    const edge = job(4, "Completed", 86_400 + WINDOW_TOLERANCE_MS / 1000 - 1);
    const past = job(5, "Completed", 86_400 + WINDOW_TOLERANCE_MS / 1000 + 1);
    const old = normalizeJobSummary({
      jobId: 6,
      status: "Waiting",
      jobStartTime: NOW / 1000 - 400 * 86_400,
    }) as Job;
    expect(withinWindow([edge, past, old], 86_400, NOW).map((j) => j.id)).toEqual([4, 6]);
  });
});
