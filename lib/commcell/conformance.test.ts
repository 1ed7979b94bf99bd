// Conformance: every captured job-list response in ../shared/reference/samples is read field by field.
// Each raw key must have a check below; a key the samples gain later fails this test until it is mapped.
// The samples are reference data read at test time, never copied into the project.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { EntityRef, Job } from "@/lib/jobs/job";
import { parseJobList } from "./parse-job-list";

const SHARED = resolve(process.env.SHARED_DIR ?? join(__dirname, "../../../shared"));
const SAMPLES = join(SHARED, "reference/samples");
const SEED = join(SHARED, "seed/commvault-get-job-api.txt");
const present = existsSync(SAMPLES);
if (!present)
  console.warn(`conformance: skipped, no samples at ${SAMPLES} (set SHARED_DIR to point at shared/)`);

type Raw = Record<string, unknown>;
type Check = (value: unknown, job: Job, summary: Raw) => void;

const seconds = (value: unknown) => (Number(value) > 0 ? Number(value) * 1000 : null);
const orNull = (value: unknown) => (value === "" || value === undefined ? null : value);
const refOrNull = (id: unknown, name: unknown): EntityRef | null => {
  const refId = Number(id) > 0 ? Number(id) : null;
  const refName = (orNull(name) as string | null) ?? null;
  return refId === null && refName === null ? null : { id: refId, name: refName };
};
const LEVEL_CODES: Record<number, string> = { 0: "none", 1: "full", 2: "incremental", 64: "synthetic_full" };

const SUBCLIENT_CHECKS: Record<string, (value: unknown, job: Job, sub: Raw, summary: Raw) => void> = {
  clientId: (v, job) => expect(job.client?.id ?? null).toBe(Number(v) > 0 ? Number(v) : null),
  clientName: (v, job, _sub, s) => expect(job.client?.name).toBe(s.destClientName ?? v),
  instanceId: (v, job, sub) => expect(job.instance).toEqual(refOrNull(v, sub.instanceName)),
  instanceName: (v, job, sub) => expect(job.instance).toEqual(refOrNull(sub.instanceId, v)),
  backupsetId: (v, job, sub, s) =>
    expect(job.backupSet).toEqual(refOrNull(v, s.backupSetName ?? sub.backupsetName)),
  backupsetName: (v, job, _sub, s) => expect(job.backupSet?.name).toBe(s.backupSetName ?? v),
  subclientId: (v, job, sub, s) =>
    expect(job.subclient).toEqual(refOrNull(v, s.subclientName ?? sub.subclientName)),
  subclientName: (v, job, _sub, s) => expect(job.subclient?.name).toBe(s.subclientName ?? v),
  appName: (v, job, _sub, s) => expect(job.appType?.name).toBe(s.appTypeName ?? v),
  applicationId: (v, job, sub, s) => expect(job.appType).toEqual(refOrNull(v, s.appTypeName ?? sub.appName)),
};

const CHECKS: Record<string, Check> = {
  jobId: (v, job) => expect(job.id).toBe(Number(v)),
  jobType: (v, job) => {
    expect(job.type).toBe(v);
    expect(job.typeKey).not.toBe("unknown");
  },
  opType: (v, job) => expect(job.opType).toBe(v),
  localizedOperationName: (v, job) => expect(job.operation).toBe(v),
  status: (v, job) => {
    expect(job.status).toBe(v);
    expect(job.statusKind).not.toBe("unknown");
  },
  localizedStatus: (v, job) => expect(job.localizedStatus).toBe(v),
  statusColor: (v, job) => expect(job.statusColor).toBe(v),
  currentPhaseName: (v, job) => expect(job.phase).toBe(orNull(v)),
  percentComplete: (v, job) => expect(job.percentComplete).toBe(Number(v)),
  pendingReason: (v, job) => expect(job.pendingReason?.text ?? null).toBe(orNull(v)),
  pendingReasonErrorCode: (v, job) => expect(job.pendingReason?.errorCode ?? null).toBe(orNull(v)),
  jobSubmitErrorCode: (v, job) => expect(job.submitErrorCode).toBe(v),
  isVisible: (v, job) => expect(job.isVisible).toBe(v),
  isAged: (v, job) => expect(job.isAged).toBe(v),
  isPreemptable: (v, job) => expect(job.isPreemptable).toBe(v === 1),
  appTypeName: (v, job) => expect(job.appType?.name).toBe(v),
  backupLevel: (v, job, s) => {
    if (s.backupLevelName === undefined) expect(job.backupLevel?.kind).toBe(LEVEL_CODES[Number(v)]);
    else
      expect(job.backupLevel?.kind).toBe(
        LEVEL_CODES[Number(v)] === "none" ? "unknown" : LEVEL_CODES[Number(v)],
      );
  },
  backupLevelName: (v, job, s) => expect(job.backupLevel?.name).toBe(s.localizedBackupLevelName ?? v),
  localizedBackupLevelName: (v, job) => expect(job.backupLevel?.name).toBe(v),
  backupSetName: (v, job) => expect(job.backupSet?.name).toBe(v),
  subclientName: (v, job) => expect(job.subclient?.name).toBe(v),
  destClientName: (v, job) => expect(job.client?.name).toBe(v),
  jobStartTime: (v, job) => expect(job.startTime).toBe(seconds(v)),
  jobEndTime: (v, job) => expect(job.endTime).toBe(seconds(v)),
  lastUpdateTime: (v, job) => expect(job.lastUpdateTime).toBe(seconds(v)),
  jobElapsedTime: (v, job) => expect(job.elapsedSeconds).toBe(v),
  sizeOfApplication: (v, job) => expect(job.sizeOfApplication).toBe(v),
  sizeOfMediaOnDisk: (v, job) => expect(job.sizeOfMediaOnDisk).toBe(v),
  percentSavings: (v, job) => expect(job.percentSavings).toBe(v),
  totalNumOfFiles: (v, job) => expect(job.files.total).toBe(v),
  totalFailedFiles: (v, job) => expect(job.files.failed).toBe(v),
  totalFailedFolders: (v, job) => expect(job.files.failedFolders).toBe(v),
  subclient: (v, job, s) => {
    const sub = v as Raw;
    for (const [key, value] of Object.entries(sub)) {
      const check = SUBCLIENT_CHECKS[key];
      if (!check) throw new Error(`no conformance check for subclient.${key}`);
      check(value, job, sub, s);
    }
  },
  destinationClient: (v, job) => {
    const dest = v as Raw;
    expect(job.destinationClient).toEqual(refOrNull(dest.clientId, dest.clientName));
  },
  userName: (v, job) => {
    const user = v as Raw;
    expect(job.user).toEqual(refOrNull(user.userId, user.userName));
  },
  // `_type_` (28) marks the entity as a client group; it carries nothing else.
  clientGroups: (v, job) =>
    expect(job.clientGroups).toEqual(
      (v as Raw[]).map((group) => ({ id: group.clientGroupId, name: group.clientGroupName })),
    ),
};

function sampleFiles(): string[] {
  return readdirSync(SAMPLES).filter((name) => /_(GET_Job|GET_Job_id|POST_Jobs)\.json$/.test(name));
}

describe.skipIf(!present)("captured CommCell responses", () => {
  it("covers every job-list capture there is", () => {
    expect(sampleFiles().length).toBeGreaterThanOrEqual(10);
  });

  for (const name of present ? sampleFiles() : []) {
    it(`maps every field of ${name}`, () => {
      const body = readFileSync(join(SAMPLES, name), "utf8");
      const raw = JSON.parse(body) as { totalRecordsWithoutPaging: number; jobs: { jobSummary: Raw }[] };
      const list = parseJobList(body, "application/json");
      expect(list.total).toBe(raw.totalRecordsWithoutPaging);
      expect(list.jobs).toHaveLength(raw.jobs.length);
      raw.jobs.forEach(({ jobSummary }, index) => {
        const job = list.jobs[index] as Job;
        for (const [key, value] of Object.entries(jobSummary)) {
          const check = CHECKS[key];
          if (!check) throw new Error(`${name}: no conformance check for jobSummary.${key}`);
          check(value, job, jobSummary);
        }
      });
    });
  }

  it("reads the XML capture with its misspelled level", () => {
    const body = readFileSync(join(SAMPLES, "commvault-java-test-JobSummaryResponse.xml"), "utf8");
    const list = parseJobList(body);
    expect(list.total).toBe(1);
    expect(list.jobs[0]).toMatchObject({
      id: 4,
      statusKind: "completed",
      backupLevel: { kind: "incremental", name: "Incremental" },
      percentComplete: 100,
      client: { id: 2, name: "WINTER" },
      subclient: { id: 2, name: "default" },
      instance: { id: 1, name: "DefaultInstanceName" },
      appType: { id: 33, name: "File System" },
      startTime: 1423087483000,
      elapsedSeconds: 12,
    });
  });

  it("keeps the DR backup without client names and reads it as running", () => {
    const list = parseJobList(readFileSync(join(SAMPLES, "01_GET_Job.json"), "utf8"));
    expect(list.jobs[0]).toMatchObject({
      id: 5837,
      typeKey: "dr_backup",
      statusKind: "running",
      active: true,
      client: null,
      subclient: null,
      statusColor: "greenspan",
      isPreemptable: true,
    });
  });

  it("refuses the JobDetails capture, which is not a job list", () => {
    expect(() => parseJobList(readFileSync(join(SAMPLES, "11_POST_JobDetails.json"), "utf8"))).toThrow(
      /keys: job/,
    );
  });
});

describe.skipIf(!existsSync(SEED))("the seed's samples", () => {
  it("are the project's fixtures, verbatim", () => {
    const seed = readFileSync(SEED, "utf8");
    for (const name of ["seed-client-2.xml", "seed-active.xml", "seed-lookup-300.xml"]) {
      expect(seed).toContain(readFileSync(join(__dirname, "fixtures", name), "utf8"));
    }
  });
});
