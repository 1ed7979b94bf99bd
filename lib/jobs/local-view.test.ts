import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import { DEFAULT_FILTERS, type JobFilters } from "./filters";
import type { Job } from "./job";
import { localSelection, narrows } from "./local-view";
import { selectJobs } from "./select";

const CLIENTS = ["fs-lon-001", "sql-fra-002", "esx-sgp-003", "fs-nyc-004"];
const STATUSES = ["Completed", "Failed", "Running", "Killed", "Completed w/ one or more errors"];

// A few hundred jobs with every sortable field varied, some missing, as an answer from the CommCell.
const answer: Job[] = Array.from({ length: 400 }, (_, i) => {
  const id = 1000 - i;
  return normalizeJobSummary({
    jobId: id,
    status: STATUSES[i % STATUSES.length],
    destClientName: CLIENTS[(i * 7) % CLIENTS.length],
    appTypeName: i % 3 === 0 ? "SQL Server" : "Windows File System",
    backupLevel: (i % 4) + 1,
    jobStartTime: 1_764_000_000 + ((i * 37) % 400) * 60,
    ...(i % 5 === 2 ? {} : { jobEndTime: 1_764_000_000 + ((i * 37) % 400) * 60 + (i % 17) * 300 }),
    jobElapsedTime: (i % 17) * 300,
    sizeOfApplication: i % 6 === 0 ? 0 : ((i * 7919) % 1000) * 1_000_000,
    sizeOfMediaOnDisk: ((i * 104_729) % 500) * 1_000_000,
    percentSavings: (i * 13) % 101,
    ...(i % 9 === 0 ? { pendingReason: "The media agent fs-lon-001 is offline" } : {}),
  }) as Job;
});

const filters = (partial: Partial<JobFilters>): JobFilters => ({
  ...DEFAULT_FILTERS,
  window: 31_536_000,
  pageSize: 10_000,
  ...partial,
});

/** What the browser would hold after the server answered `held`. */
function heldView(held: JobFilters) {
  const { jobs, total } = selectJobs(answer, held);
  // Through JSON, as the browser receives it.
  return { filters: held, jobs: JSON.parse(JSON.stringify(jobs)) as Job[], total };
}

describe("localSelection", () => {
  const cases: [string, Partial<JobFilters>, Partial<JobFilters>][] = [
    ["a sort on another column", {}, { sort: { column: "elapsed", descending: false } }],
    ["a sort with missing values", {}, { sort: { column: "end", descending: true } }],
    ["a sort by name", {}, { sort: { column: "client", descending: false } }],
    ["a status narrowed", { status: ["failed", "killed"] }, { status: ["failed"] }],
    ["a status chosen", {}, { status: ["completed"], sort: { column: "savings", descending: true } }],
    ["a client by name", {}, { client: "FS-LON-001" }],
    ["text added to", { q: "lon" }, { q: "lon-001" }],
    [
      "a time range inside the held one",
      { from: 1_764_000_000_000 },
      { from: 1_764_006_000_000, to: 1_764_012_000_000 },
    ],
    [
      "a savings range inside the held one",
      { savings: { min: 10, max: 100 } },
      { savings: { min: 50, max: 100 } },
    ],
    ["another page of the held rows", {}, { page: 3, pageSize: 50 }],
  ];
  for (const [name, held, next] of cases) {
    it(`gives the server's own page for ${name}`, () => {
      const heldFilters = filters(held);
      const nextFilters = filters({ ...held, ...next });
      const local = localSelection(heldView(heldFilters), nextFilters);
      const server = selectJobs(answer, nextFilters);
      expect(local).not.toBeNull();
      expect(local?.total).toBe(server.total);
      expect(local?.jobs.map((job) => job.id)).toEqual(server.jobs.map((job) => job.id));
    });
  }

  it("leaves a view that could hold other jobs to the server", () => {
    const wider: [Partial<JobFilters>, Partial<JobFilters>][] = [
      [{ status: ["failed"] }, { status: [] }],
      [{ status: ["failed"] }, { status: ["failed", "killed"] }],
      [{ client: "fs-lon-001" }, { client: "sql-fra-002" }],
      [{ q: "lon-001" }, { q: "lon" }],
      [{ q: "1" }, { q: "12" }], // job 12 matches "12" by its id without containing "1" anywhere else
      [{}, { window: 86_400 }],
      [{}, { type: "all" }],
      [{}, { client: "42" }], // a client id goes upstream: another answer
      [{ from: 1_764_006_000_000 }, { from: 1_764_000_000_000 }],
      [{ savings: { min: 50, max: 100 } }, { savings: null }],
    ];
    for (const [held, next] of wider) {
      expect(narrows(filters({ ...held, ...next }), filters(held))).toBe(false);
      expect(localSelection(heldView(filters(held)), filters({ ...held, ...next }))).toBeNull();
    }
  });

  it("does not compute from a page that is not the whole selection", () => {
    const partial = heldView(filters({ pageSize: 100 }));
    expect(partial.jobs.length).toBeLessThan(partial.total);
    expect(
      localSelection(partial, filters({ pageSize: 100, sort: { column: "elapsed", descending: true } })),
    ).toBeNull();
    const later = heldView(filters({ page: 2, pageSize: 10_000 }));
    expect(localSelection(later, filters({ sort: { column: "elapsed", descending: true } }))).toBeNull();
  });
});
