import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import type { Job } from "./job";
import { rowOf } from "./job-row";

const job = normalizeJobSummary({
  jobId: 7,
  status: "Running",
  jobType: "Backup",
  localizedOperationName: "Backup",
  storagePolicy: { storagePolicyName: "SP-1" },
  userName: { userName: "admin", userId: 1 },
  destClientName: "fs-lon-001",
  clientGroups: [{ clientGroupId: 4, clientGroupName: "Files" }],
  pendingReason: "DDB offline",
}) as Job;

describe("rowOf", () => {
  it("keeps what the explorer reads of a job, the same values, and leaves the rest to the job's page", () => {
    const row = rowOf(job);
    const {
      typeKey,
      operation,
      opType,
      localizedStatus,
      destinationClient,
      instance,
      storagePolicy,
      user,
      isAged,
      isVisible,
      isPreemptable,
      submitErrorCode,
      ...kept
    } = job;
    expect(row).toEqual(kept);
    expect(row.clientGroups).toBe(job.clientGroups);
    expect(row.pendingReason).toBe(job.pendingReason);
    expect(Object.keys(row)).not.toContain("storagePolicy");
    // Those are what a row leaves out; the job had them.
    expect([storagePolicy, user?.name, operation]).toEqual(["SP-1", "admin", "Backup"]);
    expect([
      typeKey,
      opType,
      localizedStatus,
      destinationClient,
      instance,
      isAged,
      isVisible,
      isPreemptable,
      submitErrorCode,
    ]).toHaveLength(9);
  });
});
