import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import type { Job } from "./job";
import { wallSummary } from "./wall-summary";

const NOW = Date.UTC(2026, 10, 24, 6);
const at = (hoursAgo: number) => Math.round((NOW - hoursAgo * 3_600_000) / 1000);

let nextId = 100;
function job(fields: Record<string, unknown>): Job {
  return normalizeJobSummary({ jobId: nextId++, jobType: "Backup", status: "Completed", ...fields }) as Job;
}

describe("wallSummary", () => {
  it("is all zeros and empty lists with no jobs", () => {
    const summary = wallSummary([], NOW);
    expect(summary.failures).toEqual({ rows: [], total: 0 });
    expect(summary.active).toEqual({ rows: [], total: 0 });
    expect(summary.waiting).toEqual([]);
    expect(summary.savings).toEqual({ days: [], withoutSizes: 0 });
    expect(summary.tiles.successRate).toBeNull();
  });

  it("lists failures newest first with their first reason, and counts all of them", () => {
    const old = job({
      status: "Failed",
      jobStartTime: at(9),
      jobEndTime: at(8),
      subclient: { clientName: "db01", subclientName: "default" },
      pendingReason: "Media Agent offline.<br>Source: ma01, Process: cvd",
    });
    const recent = job({ status: "Killed", jobStartTime: at(2), jobEndTime: at(1) });
    const unstarted = job({ status: "Failed to Start", jobStartTime: at(3) });
    const fine = job({ status: "Completed", jobEndTime: at(0.5) });
    const summary = wallSummary([old, fine, unstarted, recent], NOW, 2);
    expect(summary.failures.total).toBe(3);
    expect(summary.failures.rows.map((row) => row.id)).toEqual([recent.id, unstarted.id]);
    const all = wallSummary([old, fine, unstarted, recent], NOW);
    const first = all.failures.rows.at(-1);
    expect(first?.client).toBe("db01");
    expect(first?.reason).toBe("Media Agent offline.");
    expect(first?.endTime).toBe(at(8) * 1000);
  });

  it("puts running jobs first, longest running first, then stopped ones longest stopped first", () => {
    const shortRun = job({ status: "Running", jobElapsedTime: 60 });
    const longRun = job({ status: "Running", jobElapsedTime: 7200, percentComplete: 40 });
    const waitedLong = job({ status: "Waiting", lastUpdateTime: at(3) });
    const waitedShort = job({ status: "Suspended", lastUpdateTime: at(0.1) });
    const summary = wallSummary([waitedShort, shortRun, waitedLong, longRun], NOW);
    expect(summary.active.rows.map((row) => row.id)).toEqual([
      longRun.id,
      shortRun.id,
      waitedLong.id,
      waitedShort.id,
    ]);
    expect(summary.active.rows[0]?.percentComplete).toBe(40);
    expect(summary.active.rows[2]?.stoppedSeconds).toBe(3 * 3600);
    expect(summary.active.total).toBe(4);
  });

  it("groups stopped jobs by reason class without their ids", () => {
    const summary = wallSummary(
      [
        job({ status: "Waiting", pendingReason: "The job is in a blackout window.", lastUpdateTime: at(1) }),
        job({ status: "Waiting", pendingReason: "Something nobody foresaw", lastUpdateTime: at(2) }),
      ],
      NOW,
    );
    expect(summary.waiting.map((group) => group.reasonClass).sort()).toEqual(["blackout_window", "other"]);
    expect(Object.keys(summary.waiting[0] ?? {}).sort()).toEqual(["count", "longestSeconds", "reasonClass"]);
  });

  it("keeps the last seven days of savings and counts jobs without sizes apart", () => {
    const jobs = Array.from({ length: 10 }, (_, day) =>
      job({ jobEndTime: at(24 * day + 1), sizeOfApplication: 1000, sizeOfMediaOnDisk: 250 }),
    );
    jobs.push(job({ jobEndTime: at(1) }));
    const summary = wallSummary(jobs, NOW);
    expect(summary.savings.days).toHaveLength(7);
    expect(summary.savings.days.at(-1)?.savingsPercent).toBe(75);
    expect(summary.savings.withoutSizes).toBe(1);
  });

  it("all failed: every finished job is a failure and the success rate is 0", () => {
    const jobs = [job({ status: "Failed", jobEndTime: at(1) }), job({ status: "Killed", jobEndTime: at(2) })];
    const summary = wallSummary(jobs, NOW);
    expect(summary.failures.total).toBe(2);
    expect(summary.tiles.successRate).toBe(0);
  });
});
