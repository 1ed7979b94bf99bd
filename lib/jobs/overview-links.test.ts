import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import { type JobFilters, parseFilters } from "./filters";
import type { Job } from "./job";
import { bucketRange, overviewLinks } from "./overview-links";
import {
  OUTCOMES,
  outcomesOverTime,
  perNight,
  savingsBy,
  savingsByDay,
  savingsHistogram,
} from "./overview-metrics";
import { overviewHref, parseOverview } from "./overview-params";
import { filterJobs } from "./select";

const T0 = Date.UTC(2026, 10, 20) / 1000;
let nextId = 1;
function job(fields: Record<string, unknown>): Job {
  return normalizeJobSummary({ jobId: nextId++, jobType: "Backup", status: "Completed", ...fields }) as Job;
}

// A few days of mixed jobs: types, outcomes, sizes (some missing), ends across midnight and noon.
const STATUSES = [
  "Completed",
  "Failed",
  "Completed w/ one or more errors",
  "Completed w/ one or more warnings",
  "Killed",
];
const TYPES = ["Backup", "Restore", "Synthetic Full", "Aux Copy"];
const jobs: Job[] = Array.from({ length: 400 }, (_, i) =>
  job({
    jobType: TYPES[i % TYPES.length],
    status: STATUSES[i % STATUSES.length],
    jobStartTime: T0 + i * 1500 - 3600,
    jobEndTime: T0 + i * 1500,
    appTypeName: i % 3 === 0 ? "SQL Server" : "Windows File System",
    destClientName: `client-${i % 7}`,
    ...(i % 11 === 0
      ? {}
      : {
          sizeOfApplication: 1000 + i,
          sizeOfMediaOnDisk: (i * 37) % 1400,
          percentSavings: (1 - ((i * 37) % 1400) / (1000 + i)) * 100,
        }),
  }),
);
jobs.push(job({ status: "Running", jobStartTime: T0 }));

/** What the CommCell would send for a link's filters (category and types go upstream), then ours. */
function followed(href: string): Job[] {
  const { filters, problems } = parseFilters(new URL(href, "http://x").searchParams);
  expect(problems).toEqual([]);
  const upstream = jobs.filter(
    (j) =>
      (filters.category === "all" || (filters.category === "active") === j.active) &&
      (filters.type === "all" || (filters.type as JobFilters["type"] & string[]).includes(j.typeKey)),
  );
  return filterJobs(upstream, filters);
}

const links = overviewLinks(parseOverview(new URLSearchParams("window=30d")).filters);

describe("overview links list exactly the jobs that were counted", () => {
  it("per day", () => {
    const rows = savingsByDay(jobs).rows;
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const listed = followed(links.day(row.key)).filter(
        (j) => j.sizeOfApplication && j.sizeOfMediaOnDisk !== null,
      );
      expect(listed.length).toBe(row.jobs);
    }
  });

  it("per night, noon to noon", () => {
    const rows = perNight(jobs).rows;
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const listed = followed(links.night(row.key)).filter(
        (j) => j.sizeOfApplication && j.sizeOfMediaOnDisk !== null,
      );
      expect(listed.length).toBe(row.jobs);
    }
  });

  it("per agent and client, and none for others", () => {
    for (const by of ["agent", "client"] as const) {
      for (const row of savingsBy(jobs, by, 3).rows) {
        const href = links.group(by, row.key);
        if (row.key === "others") {
          expect(href).toBeNull();
          continue;
        }
        const listed = followed(href as string).filter(
          (j) => j.sizeOfApplication && j.sizeOfMediaOnDisk !== null,
        );
        expect(listed.length).toBe(row.jobs);
      }
    }
  });

  it("per savings bin", () => {
    const { bins } = savingsHistogram(jobs);
    expect(bins.reduce((n, bin) => n + bin.count, 0)).toBeGreaterThan(20);
    for (const bin of bins) expect(followed(links.savingsBin(bin.from, bin.to)).length).toBe(bin.count);
  });

  it("per outcome and hour or day", () => {
    for (const bucket of ["hour", "day"] as const) {
      for (const row of outcomesOverTime(jobs, bucket))
        for (const outcome of OUTCOMES)
          expect(followed(links.outcome(row.key, outcome)).length).toBe(row[outcome]);
    }
  });
});

describe("bucketRange", () => {
  it("reads days, hours and nights", () => {
    expect(bucketRange("2026-11-22")).toEqual({ from: Date.UTC(2026, 10, 22), to: Date.UTC(2026, 10, 23) });
    expect(bucketRange("2026-11-22T14")).toEqual({
      from: Date.UTC(2026, 10, 22, 14),
      to: Date.UTC(2026, 10, 22, 15),
    });
    expect(bucketRange("2026-11-22", true)).toEqual({
      from: Date.UTC(2026, 10, 22, 12),
      to: Date.UTC(2026, 10, 23, 12),
    });
  });
});

describe("overview filters", () => {
  it("cover every job type unless type says otherwise, and name bad values", () => {
    expect(parseOverview(new URLSearchParams("")).filters.type).toBe("all");
    expect(parseOverview(new URLSearchParams("type=restore")).filters.type).toEqual(["restore"]);
    const bad = parseOverview(new URLSearchParams("type=nonsense&window=7d&sort=zzz&clientGroup=London"));
    expect(bad.filters.type).toBe("all");
    expect(bad.filters.window).toBe(604_800);
    expect(bad.filters.clientGroup).toBe("London");
    expect(bad.problems.map((problem) => problem.param)).toEqual(["type"]);
  });

  it("write the overview's own address, keeping backups-only when asked", () => {
    const href = (query: string) => overviewHref(parseOverview(new URLSearchParams(query)).filters);
    expect(href("")).toBe("/");
    expect(href("window=7d&clientGroup=London")).toBe("/?clientGroup=London&window=7d");
    expect(href("type=backup")).toBe("/?type=backup");
  });

  it("carry into every link, so a narrowed overview opens narrowed lists", () => {
    const narrowed = overviewLinks(
      parseOverview(new URLSearchParams("clientGroup=London&window=7d")).filters,
    );
    for (const href of [
      narrowed.day("2026-11-22"),
      narrowed.status(["running"], "active"),
      narrowed.failingClient("db01"),
      narrowed.savingsBin(0, 10),
    ]) {
      const params = new URL(href, "http://x").searchParams;
      expect(params.get("clientGroup")).toBe("London");
      expect(params.get("window")).toBe("7d");
    }
    expect(new URL(narrowed.failingClient("db01"), "http://x").searchParams.get("status")).toBe(
      "failed,failed_to_start,killed,interrupted",
    );
  });
});
