import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "./normalize";

const base = { jobId: 42, status: "Completed" };

describe("normalizeJobSummary", () => {
  it("needs a positive job id", () => {
    expect(normalizeJobSummary({ status: "Running" })).toBeNull();
    expect(normalizeJobSummary({ jobId: 0, status: "Running" })).toBeNull();
    expect(normalizeJobSummary({ jobId: "abc" })).toBeNull();
    expect(normalizeJobSummary("not a record")).toBeNull();
    expect(normalizeJobSummary({ jobId: "42" })?.id).toBe(42);
  });

  it("maps a minimal record with everything else null, never 0 or empty", () => {
    const job = normalizeJobSummary({ jobId: 7 });
    expect(job).toMatchObject({
      id: 7,
      status: null,
      statusKind: "unknown",
      active: false,
      client: null,
      subclient: null,
      backupLevel: null,
      startTime: null,
      sizeOfApplication: null,
      percentSavings: null,
      files: { total: null, failed: null, failedFolders: null },
      pendingReason: null,
      clientGroups: [],
      isVisible: null,
    });
  });

  it("matches keys whatever their case or @ prefix", () => {
    const job = normalizeJobSummary({
      "@JOBID": "9",
      STATUS: "running",
      localizedstatus: "En cours",
      "@DestClientName": "c1",
      ISPREEMTABLE: "1",
    });
    expect(job).toMatchObject({
      id: 9,
      status: "running",
      statusKind: "running",
      localizedStatus: "En cours",
      active: true,
      client: { id: null, name: "c1" },
      isPreemptable: true,
    });
  });

  it("falls back from destClientName to subclient.clientName to destinationClient.clientName", () => {
    expect(normalizeJobSummary({ ...base, subclient: { clientName: "s", clientId: 3 } })?.client).toEqual({
      id: 3,
      name: "s",
    });
    expect(
      normalizeJobSummary({ ...base, destinationClient: { clientName: "d", clientId: 4 } })?.client,
    ).toEqual({
      id: 4,
      name: "d",
    });
    expect(
      normalizeJobSummary({ ...base, destClientName: "top", subclient: { clientName: "s", clientId: 3 } })
        ?.client,
    ).toEqual({ id: 3, name: "top" });
  });

  it("falls back for subclient, backup set and agent names", () => {
    const job = normalizeJobSummary({
      ...base,
      subclient: {
        subclientName: "sc",
        subclientId: 5,
        backupsetName: "bs",
        backupsetId: 6,
        appName: "File System",
      },
    });
    expect(job?.subclient).toEqual({ id: 5, name: "sc" });
    expect(job?.backupSet).toEqual({ id: 6, name: "bs" });
    expect(job?.appType).toEqual({ id: null, name: "File System" });
  });

  it("treats entity ids of 0 as no entity (a DR backup has no client)", () => {
    const job = normalizeJobSummary({
      ...base,
      subclient: { clientId: 0, subclientId: 0, backupsetId: 0, instanceId: 0, applicationId: 0 },
    });
    expect(job?.client).toBeNull();
    expect(job?.subclient).toBeNull();
    expect(job?.backupSet).toBeNull();
    expect(job?.instance).toBeNull();
    expect(job?.appType).toBeNull();
  });

  it("keeps an unknown status as the server's text", () => {
    const job = normalizeJobSummary({ ...base, status: "Dangling", currentPhaseName: "Scan" });
    expect(job).toMatchObject({ status: "Dangling", statusKind: "unknown", active: true });
    expect(normalizeJobSummary({ ...base, status: "Dangling", jobEndTime: 10 })?.active).toBe(false);
  });

  it("falls back to the localized status when status is missing", () => {
    expect(normalizeJobSummary({ jobId: 1, localizedStatus: "Waiting" })).toMatchObject({
      status: "Waiting",
      statusKind: "waiting",
    });
  });

  it("converts times to epoch milliseconds, with 0 as not yet", () => {
    const job = normalizeJobSummary({
      ...base,
      jobStartTime: 1519937786,
      jobEndTime: 0,
      lastUpdateTime: "1519937794",
    });
    expect(job?.startTime).toBe(1519937786000);
    expect(job?.endTime).toBeNull();
    expect(job?.lastUpdateTime).toBe(1519937794000);
  });

  it("keeps negative savings (media larger than data) and real zero sizes", () => {
    const job = normalizeJobSummary({
      ...base,
      percentSavings: -28.30018,
      sizeOfApplication: 0,
      sizeOfMediaOnDisk: "11352",
    });
    expect(job?.percentSavings).toBe(-28.30018);
    expect(job?.sizeOfApplication).toBe(0);
    expect(job?.sizeOfMediaOnDisk).toBe(11352);
  });

  it("reads one client group given as an object and several as an array", () => {
    expect(
      normalizeJobSummary({ ...base, clientGroups: { clientGroupId: "1", clientGroupName: "Infra" } })
        ?.clientGroups,
    ).toEqual([{ id: 1, name: "Infra" }]);
    expect(
      normalizeJobSummary({
        ...base,
        clientGroups: [{ clientGroupId: 1, clientGroupName: "A" }, { clientGroupName: "B" }, "junk"],
      })?.clientGroups,
    ).toEqual([
      { id: 1, name: "A" },
      { id: null, name: "B" },
    ]);
  });

  it("reads user and storage policy objects", () => {
    const job = normalizeJobSummary({
      ...base,
      userName: { userName: "admin", userId: 1 },
      storagePolicy: { storagePolicyName: "SP-Gold" },
    });
    expect(job?.user).toEqual({ id: 1, name: "admin" });
    expect(job?.storagePolicy).toBe("SP-Gold");
  });

  it("reads the pending reason with its error code", () => {
    const job = normalizeJobSummary({
      ...base,
      pendingReason: "waiting on user informational action<br>Source: dkalevm2, Process: Workflow",
      pendingReasonErrorCode: "19:857",
    });
    expect(job?.pendingReason).toEqual({
      text: "waiting on user informational action<br>Source: dkalevm2, Process: Workflow",
      errorCode: "19:857",
      reasons: [{ message: "waiting on user informational action", source: "dkalevm2", process: "Workflow" }],
    });
    expect(
      normalizeJobSummary({ ...base, pendingReason: "", pendingReasonErrorCode: "" })?.pendingReason,
    ).toBeNull();
  });

  it("does not let a __proto__ key from the wire change anything", () => {
    const raw = JSON.parse('{"jobId": 3, "__proto__": {"status": "Failed"}}');
    const job = normalizeJobSummary(raw);
    expect(job?.status).toBeNull();
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });
});
