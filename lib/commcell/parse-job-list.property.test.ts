// Property tests: whatever the CommCell (or something in front of it) sends, parseJobList either returns
// well-formed jobs or throws CommCellError. It never throws anything else and never turns a cut-off
// body into a shorter list.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STATUS_KINDS } from "@/lib/jobs/statuses";
import { CommCellError } from "./errors";
import { normalizeJobSummary } from "./normalize";
import { type JobList, parseJobList } from "./parse-job-list";

const KEYS = [
  "jobId",
  "status",
  "localizedStatus",
  "jobType",
  "backupLevel",
  "backupLevelName",
  "percentComplete",
  "percentSavings",
  "sizeOfApplication",
  "jobStartTime",
  "jobEndTime",
  "isVisible",
  "isPreemtable",
  "pendingReason",
  "pendingReasonErrorCode",
  "destClientName",
  "currentPhaseName",
  "totalNumOfFiles",
] as const;

function outcome(body: string): JobList | CommCellError {
  try {
    return parseJobList(body);
  } catch (error) {
    if (error instanceof CommCellError) return error;
    throw error;
  }
}

function expectWellFormed(list: JobList): void {
  expect(Number.isSafeInteger(list.total)).toBe(true);
  expect(list.total).toBeGreaterThanOrEqual(list.jobs.length);
  for (const job of list.jobs) {
    expect(Number.isSafeInteger(job.id) && job.id > 0).toBe(true);
    expect(STATUS_KINDS).toContain(job.statusKind);
    expect(job.isVisible).not.toBe(false);
    for (const value of [job.startTime, job.endTime, job.percentComplete, job.sizeOfApplication]) {
      expect(value === null || Number.isFinite(value)).toBe(true);
    }
  }
}

const escapeAttribute = (value: string) =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const attributeValue = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    "true",
    "false",
    "0",
    "1",
    "",
    "100.000000",
    "Completed",
    "Failed to Start",
    "a<br>Source: c, Process: p",
  ),
);

const summaryRecord = fc.dictionary(fc.constantFrom(...KEYS), attributeValue, { maxKeys: KEYS.length });

function toXml(records: Record<string, string>[], total: number): string {
  const jobs = records
    .map((record) => {
      const attributes = Object.entries(record)
        .map(([key, value]) => `${key}="${escapeAttribute(value)}"`)
        .join(" ");
      return `<jobs><jobSummary ${attributes}/></jobs>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><JobManager_JobListResponse totalRecordsWithoutPaging="${total}">${jobs}</JobManager_JobListResponse>`;
}

const fixtures = ["seed-client-2.xml", "seed-active.xml", "seed-lookup-300.xml"].map((name) =>
  readFileSync(join(__dirname, "fixtures", name), "utf8"),
);
const jsonBody = JSON.stringify({
  totalRecordsWithoutPaging: 2,
  jobs: [
    { jobSummary: { jobId: 1, status: "Running", subclient: { clientId: 2, clientName: "c" } } },
    {
      jobSummary: {
        jobId: 2,
        status: "Completed",
        clientGroups: [{ clientGroupId: 1, clientGroupName: "g" }],
      },
    },
  ],
});

describe("parseJobList properties", () => {
  it("reads XML with random attribute values into well-formed jobs", () => {
    fc.assert(
      fc.property(fc.array(summaryRecord, { maxLength: 6 }), fc.nat(50), (records, total) => {
        const result = outcome(toXml(records, total));
        expect(result).not.toBeInstanceOf(CommCellError);
        expectWellFormed(result as JobList);
      }),
      { numRuns: 300 },
    );
  });

  it("reads JSON with values of any type, or refuses it with the typed error", () => {
    const anyRecord = fc.dictionary(fc.constantFrom(...KEYS, "subclient", "clientGroups"), fc.anything(), {
      maxKeys: 10,
    });
    fc.assert(
      fc.property(fc.array(anyRecord, { maxLength: 5 }), fc.anything(), (records, total) => {
        const body = JSON.stringify({
          totalRecordsWithoutPaging: total,
          jobs: records.map((r) => ({ jobSummary: r })),
        });
        const result = outcome(body);
        if (!(result instanceof CommCellError)) expectWellFormed(result);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses every truncation of a job list with a parse error", () => {
    const bodies = [...fixtures, jsonBody, toXml([{ jobId: "1" }], 1)];
    fc.assert(
      fc.property(fc.constantFrom(...bodies), fc.double({ min: 0, max: 1, noNaN: true }), (body, share) => {
        const trimmed = body.trimEnd();
        const cut = Math.min(trimmed.length - 1, Math.floor(trimmed.length * share));
        const result = outcome(trimmed.slice(0, cut));
        expect(result).toBeInstanceOf(CommCellError);
        expect((result as CommCellError).kind).toBe("parse");
      }),
      { numRuns: 500 },
    );
  });

  it("never throws anything but the typed error on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const result = outcome(text);
        if (!(result instanceof CommCellError)) expectWellFormed(result);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws anything but the typed error on mangled job lists", () => {
    const mangled = fc
      .tuple(fc.constantFrom(...fixtures, jsonBody), fc.nat(), fc.string({ maxLength: 8 }))
      .map(([body, at, insert]) => {
        const index = at % body.length;
        return body.slice(0, index) + insert + body.slice(index + insert.length);
      });
    fc.assert(
      fc.property(mangled, (body) => {
        const result = outcome(body);
        if (!(result instanceof CommCellError)) expectWellFormed(result);
      }),
      { numRuns: 500 },
    );
  });

  it("reads a list as each record read alone, in the order sent, and shares equal group lists", () => {
    // The list is read last record first, in place in the parsed tree, with one interner for all: none
    // of that may show in the result. Items may wrap one summary, several, none (a bare summary) or be
    // empty; records may be hidden or unreadable.
    const group = fc.record({
      clientGroupId: fc.integer({ min: 1, max: 3 }),
      clientGroupName: fc.constantFrom("a", "b"),
    });
    const record = fc.record(
      {
        jobId: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constant("x")),
        status: fc.constantFrom("Running", "Completed", "Failed"),
        isVisible: fc.boolean(),
        sizeOfApplication: fc.oneof(fc.constant(12_924_921_961), fc.nat(), fc.constant(-1), fc.constant(2.5)),
        totalNumOfFiles: fc.nat(3),
        clientGroups: fc.oneof(fc.array(group, { maxLength: 3 }), group),
      },
      { requiredKeys: ["jobId"] },
    );
    const item = fc.oneof(
      record.map((summary) => ({ jobSummary: summary })),
      fc.array(record, { minLength: 2, maxLength: 3 }).map((summaries) => ({ jobSummary: summaries })),
      record,
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), (items) => {
        const list = parseJobList(JSON.stringify({ jobs: items }));
        const summaries = items.flatMap((entry) =>
          entry === null ? [] : "jobSummary" in entry ? [entry.jobSummary].flat() : [entry],
        );
        const alone = summaries.map((summary) => normalizeJobSummary(JSON.parse(JSON.stringify(summary))));
        expect(list.jobs).toEqual(alone.filter((job) => job !== null && job.isVisible !== false));
        expect(list.dropped).toEqual({
          hidden: alone.filter((job) => job?.isVisible === false).length,
          unreadable: alone.filter((job) => job === null).length,
        });
        const byGroups = new Map<string, unknown>();
        for (const job of list.jobs) {
          const key = JSON.stringify(job.clientGroups);
          if (job.clientGroups.length > 0 && byGroups.has(key))
            expect(job.clientGroups).toBe(byGroups.get(key));
          byGroups.set(key, job.clientGroups);
        }
      }),
      { numRuns: 300 },
    );
  });
});
