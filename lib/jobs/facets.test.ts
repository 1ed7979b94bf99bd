import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import { facetCounts } from "./facets";
import { DEFAULT_FILTERS, type JobFilters } from "./filters";
import type { Job } from "./job";
import { filterJobs } from "./select";

const job = (id: number, status: string, agent: string, group: string) =>
  normalizeJobSummary({
    jobId: id,
    status,
    backupLevelName: id % 2 ? "Full" : "Incremental",
    subclient: { appName: agent, clientName: `c${id}` },
    clientGroups: [{ clientGroupName: group }],
  }) as Job;

const JOBS = [
  job(1, "Failed", "SQL Server", "London"),
  job(2, "Failed", "Windows File System", "London"),
  job(3, "Completed", "SQL Server", "Paris"),
  job(4, "Running", "SQL Server", "London"),
  job(5, "Completed", "Oracle", "Paris"),
];
const filters = (patch: Partial<JobFilters>): JobFilters => ({ ...DEFAULT_FILTERS, type: "all", ...patch });

describe("facetCounts", () => {
  it("counts each facet over the jobs every other filter leaves", () => {
    const facets = facetCounts(JOBS, filters({ status: ["failed"], agent: "SQL Server" }));
    // Status ignores its own filter but keeps the agent's: SQL Server jobs by status.
    expect(facets.status).toEqual({ failed: 1, completed: 1, running: 1 });
    // Agent keeps the status filter: failed jobs by agent.
    expect(facets.agent).toEqual([
      { name: "SQL Server", count: 1 },
      { name: "Windows File System", count: 1 },
    ]);
    expect(facets.clientGroup).toEqual([{ name: "London", count: 1 }]);
  });

  it("gives each value the number of jobs that choosing it alone would show", () => {
    const facets = facetCounts(JOBS, filters({}));
    for (const [kind, count] of Object.entries(facets.status)) {
      expect(filterJobs(JOBS, filters({ status: [kind as never] })).length, kind).toBe(count);
    }
    for (const { name, count } of facets.agent)
      expect(filterJobs(JOBS, filters({ agent: name })).length).toBe(count);
    expect(facets.level).toEqual({ full: 3, incremental: 2 });
  });
});
