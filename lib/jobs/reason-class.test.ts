import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import type { Job } from "./job";
import { classifyReason, groupStoppedJobs, REASON_RULES, REASON_SCAN_CHARS } from "./reason-class";

describe("classifyReason", () => {
  it("classes the reasons the seed and the simulator show", () => {
    expect(
      classifyReason(
        "Another backup is running for client [client001], iDataAgent [Windows File System], Backup Set [defaultBackupSet], Subclient [default].<br>Source: client001, Process: JobManager",
      ),
    ).toBe("another_job");
    expect(
      classifyReason(
        "DeDuplication DB access path [C:\\DeDupDB] on MediaAgent [DOCLABHVHOST.commcell.com] is offline for Storage Policy Copy [ Policy_1 / Primary ].",
      ),
    ).toBe("resource_offline");
    expect(
      classifyReason("MediaAgent [ma02] is not ready: the Commvault services on it are not responding."),
    ).toBe("resource_offline");
    expect(
      classifyReason(
        "Backup job has been suspended by user admin. Reason:[v].<br>Source: client001, Process: JobManager",
      ),
    ).toBe("suspended_by_user");
    expect(
      classifyReason("waiting on user informational action<br>Source: dkalevm2, Process: Workflow"),
    ).toBe("waiting_on_action");
    expect(
      classifyReason(
        "The job is queued: the operation window (blackout window) for client [c] is in effect.",
      ),
    ).toBe("blackout_window");
    expect(
      classifyReason("The number of streams on Storage Policy Copy [SP / Primary] has reached its maximum."),
    ).toBe("another_job");
    expect(classifyReason("Something nobody has seen before")).toBe("other");
    expect(classifyReason(null)).toBe("other");
  });

  it("reads only the start of a reason, so the CommCell's text bounds no work", () => {
    const late = `${"x".repeat(REASON_SCAN_CHARS)} MediaAgent [ma01] is offline`;
    expect(classifyReason(late)).toBe("other");
    expect(classifyReason(`MediaAgent [ma01] is offline ${"x".repeat(1_000_000)}`)).toBe("resource_offline");
    expect(classifyReason("waiting on a ".repeat(80_000))).toBe("other");
  });

  it("has no unbounded gap between two literals in any pattern", () => {
    // An unbounded .* or .+ between literals backtracks over the whole text from every start: quadratic.
    for (const [, pattern] of REASON_RULES) expect(pattern.source).not.toMatch(/\.[*+]/);
  });

  it("still classes a cue split by a few words", () => {
    expect(classifyReason("Waiting on a pending user action from the approver")).toBe("waiting_on_action");
    expect(classifyReason("The streams of the copy reached the maximum")).toBe("another_job");
    expect(classifyReason("Tape library [TL1] is down")).toBe("resource_offline");
  });
});

describe("groupStoppedJobs", () => {
  const now = Date.UTC(2026, 10, 23, 22);
  const job = (id: number, status: string, reason: string, minutesAgo: number) =>
    normalizeJobSummary({
      jobId: id,
      status,
      pendingReason: reason,
      lastUpdateTime: now / 1000 - minutesAgo * 60,
    }) as Job;

  it("groups stopped jobs by class with their count, longest wait and the texts of unclassed reasons", () => {
    const groups = groupStoppedJobs(
      [
        job(1, "Pending", "DDB path is offline", 30),
        job(2, "Waiting", "MediaAgent [ma1] is not ready", 90),
        job(3, "Suspended", "Backup job has been suspended by user admin.", 10),
        job(4, "Waiting", "A brand new reason<br>Source: cs, Process: JM", 5),
        job(5, "Running", "DDB path is offline", 500),
        job(6, "Completed", "", 1),
      ],
      now,
    );
    expect(groups).toEqual([
      { reasonClass: "resource_offline", count: 2, longestSeconds: 5400, jobIds: [1, 2], texts: [] },
      { reasonClass: "suspended_by_user", count: 1, longestSeconds: 600, jobIds: [3], texts: [] },
      { reasonClass: "other", count: 1, longestSeconds: 300, jobIds: [4], texts: ["A brand new reason"] },
    ]);
  });

  it("is empty when nothing waits", () => {
    expect(groupStoppedJobs([], now)).toEqual([]);
  });
});
