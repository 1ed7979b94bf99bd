import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import type { Job } from "./job";
import { keepUnchanged } from "./job-changes";
import { COMPARED_FIELDS, sameJob } from "./same-job";

// Two jobs that differ in every field the normalizer fills.
const RECORDS = [
  {
    jobId: 10,
    jobType: "Backup",
    localizedOperationName: "Backup",
    opType: 4,
    status: "Running",
    localizedStatus: "Running",
    statusColor: "black",
    currentPhaseName: "Scan",
    percentComplete: 40,
    destClientName: "fs-lon-001",
    destinationClient: { clientId: 3, clientName: "fs-lon-001" },
    subclient: {
      clientId: 1,
      clientName: "fs-lon-001",
      subclientId: 5,
      subclientName: "default",
      backupsetId: 2,
      backupsetName: "defaultBackupSet",
      instanceId: 1,
      instanceName: "DefaultInstanceName",
      applicationId: 33,
      appName: "File System",
    },
    backupLevel: 2,
    backupLevelName: "Incremental",
    clientGroups: [{ clientGroupId: 4, clientGroupName: "Files" }],
    storagePolicy: { storagePolicyName: "SP-1" },
    jobStartTime: 1_000,
    jobEndTime: 2_000,
    lastUpdateTime: 2_000,
    jobElapsedTime: 1_000,
    sizeOfApplication: 100,
    sizeOfMediaOnDisk: 50,
    percentSavings: 50,
    totalNumOfFiles: 10,
    totalFailedFiles: 1,
    totalFailedFolders: 0,
    pendingReason: "DDB offline",
    pendingReasonErrorCode: "19:857",
    userName: { userName: "admin", userId: 1 },
    isAged: false,
    isVisible: true,
    isPreemptable: 0,
    jobSubmitErrorCode: 0,
  },
  {
    jobId: 11,
    jobType: "Restore",
    localizedOperationName: "Restore",
    opType: 1,
    status: "Failed",
    localizedStatus: "Failed!",
    statusColor: "redspan",
    currentPhaseName: "Restore",
    percentComplete: 100,
    destClientName: "sql-fra-002",
    destinationClient: { clientId: 7, clientName: "sql-fra-002" },
    subclient: {
      clientId: 2,
      clientName: "sql-fra-002",
      subclientId: 6,
      subclientName: "logs",
      backupsetId: 3,
      backupsetName: "other",
      instanceId: 2,
      instanceName: "SQL01",
      applicationId: 81,
      appName: "SQL Server",
    },
    backupLevel: 1,
    backupLevelName: "Full",
    clientGroups: [{ clientGroupId: 5, clientGroupName: "Databases" }],
    storagePolicy: { storagePolicyName: "SP-2" },
    jobStartTime: 3_000,
    jobEndTime: 5_000,
    lastUpdateTime: 5_000,
    jobElapsedTime: 2_000,
    sizeOfApplication: 300,
    sizeOfMediaOnDisk: 60,
    percentSavings: 80,
    totalNumOfFiles: 20,
    totalFailedFiles: 2,
    totalFailedFolders: 1,
    pendingReason: "Media full",
    pendingReasonErrorCode: "13:138",
    userName: { userName: "operator", userId: 2 },
    isAged: true,
    isVisible: false,
    isPreemptable: 1,
    jobSubmitErrorCode: 7,
  },
];

const [a, b] = RECORDS.map((record) => normalizeJobSummary(record) as Job) as [Job, Job];

describe("sameJob", () => {
  it("holds for the same record normalized twice", () => {
    expect(sameJob(a, normalizeJobSummary(RECORDS[0]) as Job)).toBe(true);
  });

  it("tells apart jobs that differ in any one field", () => {
    const fields = Object.keys(a) as (keyof Job)[];
    // Every field a job has is one sameJob means to compare; the loop below checks that it does.
    expect([...fields].sort()).toEqual([...COMPARED_FIELDS].sort());
    // The records above must differ in every field, or this test would not try them all.
    expect(fields.filter((field) => isDeepStrictEqual(a[field], b[field]))).toEqual([]);
    for (const field of fields) {
      expect({ field, same: sameJob(a, { ...a, [field]: b[field] }) }).toEqual({ field, same: false });
    }
  });
});

describe("keepUnchanged", () => {
  it("keeps the held object of each unchanged job and takes the fetched one of each changed job", () => {
    const held = [normalizeJobSummary({ ...RECORDS[0], jobId: 12 }) as Job, a];
    const fetched = [
      normalizeJobSummary({ ...RECORDS[0], jobId: 13 }) as Job,
      normalizeJobSummary({ ...RECORDS[0], jobId: 12, percentComplete: 90 }) as Job,
      normalizeJobSummary(RECORDS[0]) as Job,
    ];
    const kept = keepUnchanged(held, fetched);
    expect(kept[0]).toBe(fetched[0]);
    expect(kept[1]).toBe(fetched[1]);
    expect(kept[2]).toBe(a);
  });

  it("replaces nothing when the held jobs are not newest first", () => {
    const fetched = [normalizeJobSummary(RECORDS[0]) as Job];
    expect(keepUnchanged([a, b], fetched)[0]).toBe(fetched[0]);
  });
});
