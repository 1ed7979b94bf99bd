import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import { DEFAULT_FILTERS, type JobFilters } from "./filters";
import type { Job } from "./job";
import { filterJobs, selectJobs, sortJobs } from "./select";
import { upstreamQueryKey, upstreamQueryOf } from "./upstream-query";

function job(id: number, fields: Record<string, unknown> = {}): Job {
  return normalizeJobSummary({ jobId: id, status: "Completed", ...fields }) as Job;
}

const jobs = [
  job(1, {
    status: "Failed",
    destClientName: "fs-lon-001",
    appTypeName: "Windows File System",
    sizeOfApplication: 10,
    backupLevel: 1,
  }),
  job(2, {
    status: "Running",
    destClientName: "sql-fra-002",
    appTypeName: "SQL Server",
    sizeOfApplication: 30,
    backupLevel: 2,
    pendingReason: "DDB path offline",
  }),
  job(3, {
    destClientName: "FS-LON-001",
    clientGroups: [{ clientGroupId: 4, clientGroupName: "Databases" }],
    backupLevel: 2,
  }),
  job(4, { status: "Killed", subclient: { clientId: 9, clientName: "esx-sgp-003" }, sizeOfApplication: 20 }),
];
const filters = (partial: Partial<JobFilters>): JobFilters => ({ ...DEFAULT_FILTERS, ...partial });
const ids = (list: Job[]) => list.map((j) => j.id);

describe("filterJobs", () => {
  it("keeps the status kinds asked for", () => {
    expect(ids(filterJobs(jobs, filters({ status: ["failed", "killed"] })))).toEqual([1, 4]);
  });

  it("matches a client by name in any case, or by id", () => {
    expect(ids(filterJobs(jobs, filters({ client: "fs-lon-001" })))).toEqual([1, 3]);
    expect(ids(filterJobs(jobs, filters({ client: "9" })))).toEqual([4]);
  });

  it("matches client group, agent and level", () => {
    expect(ids(filterJobs(jobs, filters({ clientGroup: "databases" })))).toEqual([3]);
    expect(ids(filterJobs(jobs, filters({ clientGroup: "4" })))).toEqual([3]);
    expect(ids(filterJobs(jobs, filters({ agent: "sql server" })))).toEqual([2]);
    expect(ids(filterJobs(jobs, filters({ level: ["incremental"] })))).toEqual([2, 3]);
  });

  it("keeps finished jobs ending in [from, to) and active ones starting in it", () => {
    const day = Date.UTC(2026, 10, 22) / 1000;
    const timed = [
      job(10, { jobStartTime: day - 7200, jobEndTime: day - 60 }),
      job(11, { jobStartTime: day - 7200, jobEndTime: day }),
      job(12, { jobStartTime: day + 600, jobEndTime: day + 86_399 }),
      job(13, { jobStartTime: day + 600, jobEndTime: day + 86_400 }),
      job(14, { status: "Running", jobStartTime: day + 3600 }),
      job(15, { status: "Running" }),
    ];
    const range = { ...DEFAULT_FILTERS, from: day * 1000, to: (day + 86_400) * 1000 };
    expect(filterJobs(timed, range).map((j) => j.id)).toEqual([11, 12, 14]);
    expect(filterJobs(timed, { ...range, to: null }).map((j) => j.id)).toEqual([11, 12, 13, 14]);
    expect(filterJobs(timed, DEFAULT_FILTERS)).toHaveLength(6);
  });

  it("keeps jobs whose savings fall in the range, 100 % in a range that reaches it", () => {
    const saved = [-5, 0, 9.99, 10, 95, 100].map((percent, i) =>
      job(20 + i, { sizeOfApplication: 100, sizeOfMediaOnDisk: 1, percentSavings: percent }),
    );
    saved.push(job(30));
    const ids = (min: number | null, max: number | null) =>
      filterJobs(saved, { ...DEFAULT_FILTERS, savings: { min, max } }).map((j) => j.id);
    expect(ids(null, 0)).toEqual([20]);
    expect(ids(0, 10)).toEqual([21, 22]);
    expect(ids(90, 100)).toEqual([24, 25]);
    expect(ids(10, null)).toEqual([23, 24, 25]);
  });

  it("searches job id, names and pending reasons", () => {
    expect(ids(filterJobs(jobs, filters({ q: "ddb" })))).toEqual([2]);
    expect(ids(filterJobs(jobs, filters({ q: "4" })))).toEqual([4]);
    expect(ids(filterJobs(jobs, filters({ q: "esx" })))).toEqual([4]);
  });
});

describe("sortJobs", () => {
  it("sorts both ways with missing values last", () => {
    expect(ids(sortJobs(jobs, { column: "appSize", descending: false }))).toEqual([1, 4, 2, 3]);
    expect(ids(sortJobs(jobs, { column: "appSize", descending: true }))).toEqual([2, 4, 1, 3]);
  });

  it("sorts newest first by default, whether or not the input already is", () => {
    expect(
      ids(sortJobs([jobs[1], jobs[3], jobs[0], jobs[2]] as Job[], { column: "id", descending: true })),
    ).toEqual([4, 3, 2, 1]);
    const ordered = [jobs[3], jobs[2], jobs[1], jobs[0]] as Job[];
    const sorted = sortJobs(ordered, { column: "id", descending: true });
    expect(ids(sorted)).toEqual([4, 3, 2, 1]);
    expect(sorted).not.toBe(ordered);
  });

  it("breaks ties newest first and sorts text without case", () => {
    expect(ids(sortJobs(jobs, { column: "client", descending: false }))).toEqual([4, 3, 1, 2]);
  });
});

describe("selectJobs", () => {
  it("pages after filtering and sorting, with the total of all pages", () => {
    const result = selectJobs(jobs, filters({ pageSize: 3, page: 2 }));
    expect(result.total).toBe(4);
    expect(ids(result.jobs)).toEqual([1]);
  });
});

describe("upstreamQueryOf", () => {
  it("sends category, types, a numeric client and the window upstream", () => {
    expect(
      upstreamQueryOf(
        filters({ category: "active", type: ["restore", "backup"], client: "12", window: 3600 }),
      ),
    ).toEqual({
      category: "active",
      jobFilter: "Backup,Restore",
      clientId: 12,
      lookupSeconds: 3600,
    });
    expect(upstreamQueryOf(filters({ type: "all", client: "fs-lon-001" }))).toMatchObject({
      jobFilter: "",
      clientId: null,
    });
  });

  it("gives equal queries the same key, whatever the order of types", () => {
    const a = upstreamQueryKey(upstreamQueryOf(filters({ type: ["restore", "backup"] })));
    const b = upstreamQueryKey(upstreamQueryOf(filters({ type: ["backup", "restore"], status: ["failed"] })));
    expect(a).toBe(b);
  });
});
