import { describe, expect, it } from "vitest";
import type { RefreshedJobs } from "@/lib/commcell/job-refresh";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import type { Job } from "@/lib/jobs/job";
import { indexFor } from "./coverage-view";

const NOW = Date.UTC(2026, 11, 2, 8);
const backup = (id: number, sub: number, status: string, hoursAgo: number) =>
  normalizeJobSummary({
    jobId: id,
    status,
    jobType: "Backup",
    jobEndTime: (NOW - hoursAgo * 3_600_000) / 1000,
    subclient: { clientId: 1, clientName: "c1", subclientId: sub, subclientName: `s${sub}` },
  }) as Job;

const answer = (
  jobs: Job[],
  version: number,
  delta: Job[] | null = null,
  previousVersion?: number,
): RefreshedJobs => ({
  jobs,
  upstreamTotal: jobs.length,
  pages: 1,
  durationMs: 1,
  dropped: { hidden: 0, unreadable: 0 },
  fullAt: 0,
  incremental: delta !== null,
  clockOffsetMs: 0,
  version,
  delta,
  ...(previousVersion === undefined ? {} : { previousVersion }),
});

describe("the coverage index kept per identity", () => {
  it("takes in a merged answer's delta, and a full answer whole", () => {
    const old = backup(1, 1, "Completed", 30);
    const first = indexFor("user:a|coverage", answer([old], 1));
    expect(first.report(86_400_000, NOW, null).clients[0]?.state).toBe("unprotected");
    const fresh = backup(2, 1, "Completed", 1);
    const merged = indexFor("user:a|coverage", answer([fresh, old], 2, [fresh], 1));
    expect(merged).toBe(first);
    expect(merged.report(86_400_000, NOW, null).clients[0]?.state).toBe("protected");
    // A full answer (a new version line) is offered whole; what the index had seen is skipped.
    const failed = backup(3, 1, "Failed", 0.5);
    const full = indexFor("user:a|coverage", answer([failed, fresh, old], 7));
    expect(full.report(86_400_000, NOW, null).clients[0]?.subclients[0]).toMatchObject({
      state: "at_risk",
      strikes: 1,
    });
  });
});
