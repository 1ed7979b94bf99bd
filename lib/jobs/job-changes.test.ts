import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import { facetCounts, facetsOfTallies, facetTallies, updateTallies } from "./facets";
import { DEFAULT_FILTERS, type JobFilters, SORT_COLUMNS } from "./filters";
import type { Job } from "./job";
import { jobChanges } from "./job-changes";
import { filterJobs, sortJobs, updateSelection } from "./select";
import { updateWallState, wallState } from "./wall-state";
import { wallSummary, wallSummaryOf } from "./wall-summary";

const STATUSES = [
  "Completed",
  "Failed",
  "Failed to Start",
  "Running",
  "Pending",
  "Waiting",
  "Suspended",
  "Killed",
  "Completed w/ one or more errors",
];
const REASONS = ["Media Agent offline.", "The job is in the queue.", "Backup window closed."];
/** Half a day, so ends spread over more days than a wall's savings chart shows. */
const END_STEP_SECONDS = 43_200;
const CLIENTS = ["fs-lon-001", "FS-LON-001", "sql-fra-002", "esx-sgp-003", null];
const AGENTS = ["Windows File System", "SQL Server", null];

// Few distinct values, so that sort keys tie and facets share names, and nulls, which sort last.
const summary = fc.record({
  status: fc.constantFrom(...STATUSES),
  client: fc.constantFrom(...CLIENTS),
  agent: fc.constantFrom(...AGENTS),
  level: fc.constantFrom(1, 2, 4, null),
  size: fc.option(fc.integer({ min: 0, max: 50 })),
  group: fc.constantFrom("Databases", "Files", null),
  end: fc.option(fc.integer({ min: 0, max: 20 })),
  elapsed: fc.option(fc.integer({ min: 0, max: 5 })),
  reason: fc.option(fc.constantFrom(...REASONS)),
});

const PLAIN = {
  status: "Completed",
  client: null,
  agent: null,
  level: null,
  size: null,
  group: null,
  end: null,
  elapsed: null,
  reason: null,
};

function job(id: number, fields: typeof summary extends fc.Arbitrary<infer T> ? T : never): Job {
  return normalizeJobSummary({
    jobId: id,
    status: fields.status,
    ...(fields.client ? { destClientName: fields.client } : {}),
    ...(fields.agent ? { appTypeName: fields.agent } : {}),
    ...(fields.level ? { backupLevel: fields.level } : {}),
    ...(fields.size !== null ? { sizeOfApplication: fields.size, sizeOfMediaOnDisk: fields.size / 2 } : {}),
    ...(fields.group
      ? { clientGroups: [{ clientGroupId: fields.group.length, clientGroupName: fields.group }] }
      : {}),
    ...(fields.end !== null
      ? { jobStartTime: 1_000 + fields.end, jobEndTime: 1_000 + fields.end * END_STEP_SECONDS }
      : {}),
    // Few values, so that running and stopped jobs tie on how long they have been so.
    ...(fields.elapsed !== null
      ? { jobElapsedTime: fields.elapsed * 60, lastUpdateTime: 1_000 + fields.elapsed * 60 }
      : {}),
    ...(fields.reason ? { pendingReason: fields.reason } : {}),
  }) as Job;
}

/** Two answers as an incremental refresh makes them: the next keeps some of the previous's objects. */
const answers = fc
  .array(fc.tuple(summary, fc.constantFrom("keep", "refetch", "drop"), summary), { maxLength: 40 })
  .chain((plan) => fc.tuple(fc.constant(plan), fc.array(summary, { maxLength: 10 })))
  .map(([plan, fresh]) => {
    const previous: Job[] = [];
    const next: Job[] = [];
    plan.forEach(([fields, fate, refetched], index) => {
      const id = 1_000 - index * 2;
      const before = job(id, fields);
      previous.push(before);
      if (fate === "keep") next.push(before);
      // Refetched: any field may have changed, the status most often.
      if (fate === "refetch") next.push(job(id, refetched));
    });
    // New jobs, newer than all of them, and one between two old ones.
    for (const [index, fields] of fresh.entries()) next.push(job(2_000 - index, fields));
    next.push(job(999, fresh[0] ?? PLAIN));
    next.sort((a, b) => b.id - a.id);
    return { previous, next };
  });

const filterSets = fc.record({
  status: fc.subarray(["completed", "failed", "running", "killed"] as const),
  client: fc.constantFrom(null, "fs-lon-001"),
  clientGroup: fc.constantFrom(null, "Databases"),
  agent: fc.constantFrom(null, "SQL Server"),
  q: fc.constantFrom(null, "sql", "lon"),
  column: fc.constantFrom(...SORT_COLUMNS),
  descending: fc.boolean(),
});

function filtersOf(set: typeof filterSets extends fc.Arbitrary<infer T> ? T : never): JobFilters {
  return {
    ...DEFAULT_FILTERS,
    status: set.status,
    client: set.client,
    clientGroup: set.clientGroup,
    agent: set.agent,
    q: set.q,
    sort: { column: set.column, descending: set.descending },
  };
}

const ids = (jobs: readonly Job[]) => jobs.map((j) => j.id);

describe("jobChanges", () => {
  it("names the jobs that came and went, by object", () => {
    fc.assert(
      fc.property(answers, ({ previous, next }) => {
        const changes = jobChanges(previous, next);
        expect(changes).not.toBeNull();
        const inNext = new Set(next);
        const inPrevious = new Set(previous);
        expect(changes?.removed).toEqual(previous.filter((j) => !inNext.has(j)));
        expect(changes?.added).toEqual(next.filter((j) => !inPrevious.has(j)));
      }),
    );
  });

  it("says nothing of answers that are not newest first", () => {
    const a = job(1, PLAIN);
    const b = job(2, { ...PLAIN, status: "Failed" });
    expect(jobChanges([a, b], [b, a])).toBeNull();
    expect(jobChanges([b, a], [a, b])).toBeNull();
    expect(jobChanges([b, b], [b])).toBeNull();
    expect(jobChanges([b, a], [b])).toEqual({ added: [], removed: [a] });
  });
});

describe("updateSelection", () => {
  it("gives the rows, in the order, that filtering and sorting the next answer whole gives", () => {
    fc.assert(
      fc.property(answers, filterSets, ({ previous, next }, set) => {
        const filters = filtersOf(set);
        const rows = sortJobs(filterJobs(previous, filters), filters.sort);
        const changes = jobChanges(previous, next);
        if (!changes) throw new Error("ordered answers");
        const updated = updateSelection(rows, changes, filters);
        const whole = sortJobs(filterJobs(next, filters), filters.sort);
        expect(ids(updated)).toEqual(ids(whole));
        for (const [index, row] of updated.entries()) expect(row).toBe(whole[index]);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves the rows it was given as they were", () => {
    const rows = [job(3, PLAIN), job(1, PLAIN)];
    const copy = [...rows];
    updateSelection(rows, { added: [job(2, PLAIN)], removed: [rows[1] as Job] }, DEFAULT_FILTERS);
    expect(rows).toEqual(copy);
  });
});

describe("updateTallies", () => {
  it("counts what counting the next answer whole counts", () => {
    fc.assert(
      fc.property(answers, filterSets, ({ previous, next }, set) => {
        const filters = filtersOf(set);
        const changes = jobChanges(previous, next);
        if (!changes) throw new Error("ordered answers");
        const before = facetTallies(previous, filters);
        const beforeFacets = facetsOfTallies(before);
        expect(facetsOfTallies(updateTallies(before, changes, filters))).toEqual(facetCounts(next, filters));
        // The earlier answer's tallies are its own still.
        expect(facetsOfTallies(before)).toEqual(beforeFacets);
      }),
      { numRuns: 300 },
    );
  });
});

describe("updateWallState", () => {
  // The clock the summary reads, late enough that every stopped job has waited a while.
  const NOW = 2_000_000;

  it("gives the summary that summarising the next answer whole gives, and leaves the earlier state alone", () => {
    fc.assert(
      fc.property(answers, filterSets, fc.integer({ min: 1, max: 6 }), ({ previous, next }, set, rowsMax) => {
        const filters = filtersOf(set);
        const changes = jobChanges(previous, next);
        if (!changes) throw new Error("ordered answers");
        const before = wallState(filterJobs(previous, filters));
        const beforeSummary = wallSummaryOf(before, NOW, rowsMax);
        const updated = updateWallState(before, changes, filters);
        expect(wallSummaryOf(updated, NOW, rowsMax)).toEqual(
          wallSummary(filterJobs(next, filters), NOW, rowsMax),
        );
        expect(wallSummaryOf(before, NOW, rowsMax)).toEqual(beforeSummary);
      }),
      { numRuns: 300 },
    );
  });

  it("follows a line of refreshes, each update made on the last", () => {
    fc.assert(
      fc.property(answers, answers, ({ previous, next }, later) => {
        // A third answer: the second's jobs with every third dropped and every fourth of the rest replaced
        // by a job of another generated answer (a new object, under its own id or one the second holds).
        const laterJobs = next
          .filter((_, index) => index % 3 !== 0)
          .map((kept, index) => (index % 4 === 0 ? (later.next[index] ?? kept) : kept));
        const third = [...new Map(laterJobs.map((j) => [j.id, j])).values()].sort((a, b) => b.id - a.id);
        let state = wallState(previous);
        for (const [from, to] of [
          [previous, next],
          [next, third],
        ] as const) {
          const changes = jobChanges(from, to);
          if (!changes) throw new Error("ordered answers");
          state = updateWallState(state, changes, DEFAULT_FILTERS);
          expect(wallSummaryOf(state, NOW)).toEqual(wallSummary(to, NOW));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps the state it was given when no change touches the view", () => {
    const state = wallState([job(3, PLAIN)]);
    const filters = { ...DEFAULT_FILTERS, client: "sql-fra-002" };
    const outside = job(4, { ...PLAIN, client: "fs-lon-001" });
    expect(updateWallState(state, { added: [outside], removed: [] }, filters)).toBe(state);
  });
});
