// Property tests: whatever the CommCell (or something in front of it) sends, parseJobList either returns
// well-formed jobs or throws CommCellError. It never throws anything else and never turns a cut-off
// body into a shorter list.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STATUS_KINDS } from "@/lib/jobs/statuses";
import { CommCellError } from "./errors";
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
});
