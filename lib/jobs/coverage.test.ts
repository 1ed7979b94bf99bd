import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import { CoverageIndex, type InventorySubclient } from "./coverage";
import { DEFAULT_COVERAGE_PARAMS, filterCoverage, parseCoverageParams } from "./coverage-params";
import type { Job } from "./job";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 2, 8);

let nextId = 1000;
/** A backup job of a subclient that ended `hoursAgo` before NOW. */
function backup(
  sub: { id: number; client: number; agent?: string },
  status: string,
  hoursAgo: number,
  level = "Incremental",
): Job {
  const end = (NOW - hoursAgo * HOUR) / 1000;
  return normalizeJobSummary({
    jobId: nextId++,
    status,
    jobType: level === "Synthetic Full" ? "Synthetic Full" : "Backup",
    backupLevelName: level,
    appTypeName: sub.agent ?? "Windows File System",
    jobStartTime: end - 600,
    jobEndTime: end,
    lastUpdateTime: end,
    sizeOfApplication: 1000,
    subclient: {
      clientId: sub.client,
      clientName: `client${sub.client}`,
      subclientId: sub.id,
      subclientName: `sub${sub.id}`,
      appName: sub.agent ?? "Windows File System",
    },
    clientGroups: [{ clientGroupId: 1, clientGroupName: sub.client % 2 ? "Odd" : "Even" }],
  }) as Job;
}

const inventory = (
  id: number,
  client: number,
  extra: Partial<InventorySubclient> = {},
): InventorySubclient => ({
  id,
  name: `sub${id}`,
  clientId: client,
  clientName: `client${client}`,
  agent: "Windows File System",
  backupEnabled: true,
  lastBackupTime: null,
  ...extra,
});

function report(jobs: Job[], inv: InventorySubclient[] | null, periodMs = DAY) {
  const index = new CoverageIndex();
  index.addAll(jobs);
  return index.report(periodMs, NOW, inv);
}
const stateOf = (r: ReturnType<typeof report>, subId: number) =>
  r.clients.flatMap((c) => c.subclients).find((s) => s.id === subId)?.state;

describe("coverage by Commvault's SLA rules", () => {
  it("protects a subclient with a success in the period, and not one whose last success is older", () => {
    const r = report(
      [backup({ id: 1, client: 1 }, "Completed", 2), backup({ id: 2, client: 2 }, "Completed", 30)],
      [inventory(1, 1), inventory(2, 2)],
    );
    expect(stateOf(r, 1)).toBe("protected");
    expect(stateOf(r, 2)).toBe("unprotected");
    expect(r.clients.map((c) => [c.name, c.state])).toEqual([
      ["client2", "unprotected"],
      ["client1", "protected"],
    ]);
  });

  it("counts 'completed with errors' as a success for file systems and a failure for databases", () => {
    const fs = { id: 1, client: 1 };
    const db = { id: 2, client: 2, agent: "SQL Server" };
    const r = report(
      [backup(fs, "Completed w/ one or more errors", 2), backup(db, "Completed w/ one or more errors", 2)],
      [inventory(1, 1), inventory(2, 2, { agent: "SQL Server" })],
    );
    expect(stateOf(r, 1)).toBe("protected");
    expect(stateOf(r, 2)).toBe("never_backed_up");
    expect(r.clients.find((c) => c.id === 2)?.subclients[0]?.strikes).toBe(1);
  });

  it("does not count synthetic fulls", () => {
    const sub = { id: 1, client: 1 };
    const r = report(
      [backup(sub, "Completed", 2, "Synthetic Full"), backup(sub, "Completed", 40)],
      [inventory(1, 1)],
    );
    expect(stateOf(r, 1)).toBe("unprotected");
  });

  it("shows a subclient that never ran (from the inventory) and leaves a disabled one out", () => {
    const r = report(
      [backup({ id: 1, client: 1 }, "Completed", 2)],
      [inventory(1, 1), inventory(2, 1), inventory(3, 3, { backupEnabled: false })],
    );
    expect(stateOf(r, 2)).toBe("never_backed_up");
    expect(stateOf(r, 3)).toBe("excluded");
    expect(r.clients.find((c) => c.id === 1)?.state).toBe("never_backed_up");
    expect(r.summary).toMatchObject({ clients: 2, neverBackedUp: 1, excluded: 1, protectedPercent: 0 });
  });

  it("counts strikes since the last success, and a success resets them", () => {
    const sub = { id: 1, client: 1 };
    const jobs = [
      backup(sub, "Failed", 50),
      backup(sub, "Completed", 40),
      backup(sub, "Failed", 30),
      backup(sub, "Killed", 20),
      backup(sub, "Failed to Start", 10),
    ];
    expect(report(jobs, [inventory(1, 1)]).clients[0]?.subclients[0]?.strikes).toBe(3);
    const after = [...jobs, backup(sub, "Completed", 1)];
    const r = report(after, [inventory(1, 1)]);
    expect(r.clients[0]?.subclients[0]?.strikes).toBe(0);
    expect(stateOf(r, 1)).toBe("protected");
  });

  it("is at risk when the last success leaves the period within its next quarter, or the latest attempt failed", () => {
    const r = report(
      [
        backup({ id: 1, client: 1 }, "Completed", 19),
        backup({ id: 2, client: 2 }, "Completed", 17),
        backup({ id: 3, client: 3 }, "Completed", 3),
        backup({ id: 3, client: 3 }, "Failed", 1),
      ],
      [inventory(1, 1), inventory(2, 2), inventory(3, 3)],
    );
    expect(stateOf(r, 1)).toBe("at_risk");
    expect(stateOf(r, 2)).toBe("protected");
    expect(stateOf(r, 3)).toBe("at_risk");
    // At risk still meets the SLA today: all three count as protected in Commvault's percentage.
    expect(r.summary.protectedPercent).toBe(100);
  });

  it("draws the period's edge exactly", () => {
    const inside = backup({ id: 1, client: 1 }, "Completed", 23.99);
    const outside = backup({ id: 2, client: 2 }, "Completed", 24.01);
    const r = report([inside, outside], [inventory(1, 1), inventory(2, 2)]);
    expect(stateOf(r, 1)).toBe("at_risk");
    expect(stateOf(r, 2)).toBe("unprotected");
    expect(stateOf(report([outside], [inventory(2, 2)], 7 * DAY), 2)).toBe("protected");
  });

  it("takes the inventory's last backup only from before the history reaches", () => {
    const index = new CoverageIndex();
    const old = [inventory(1, 1, { lastBackupTime: NOW - 40 * DAY })];
    expect(index.report(60 * DAY, NOW, old, NOW - 30 * DAY).clients[0]?.subclients[0]).toMatchObject({
      state: "protected",
      lastSuccess: { jobId: null, endTime: NOW - 40 * DAY },
    });
    // Within the history, a database's "completed with errors" the inventory counts is still no success.
    const db = { id: 2, client: 2, agent: "SQL Server" };
    const recent = [inventory(2, 2, { agent: "SQL Server", lastBackupTime: NOW - 2 * HOUR })];
    index.add(backup(db, "Completed w/ one or more errors", 2));
    expect(index.report(DAY, NOW, recent, NOW - 30 * DAY).clients[0]?.subclients[0]?.state).toBe(
      "never_backed_up",
    );
  });

  it("without an inventory, sees only subclients that produced a job", () => {
    const r = report([backup({ id: 1, client: 1 }, "Failed", 2)], null);
    expect(r.clients.map((c) => c.subclients.map((s) => [s.id, s.state]))).toEqual([
      [[1, "never_backed_up"]],
    ]);
  });

  it("gives the same answer whatever order the jobs arrive in, and skips a job object seen before", () => {
    const sub = { id: 1, client: 1 };
    const jobs = [backup(sub, "Completed", 40), backup(sub, "Failed", 30), backup(sub, "Failed", 2)];
    const forward = report(jobs, [inventory(1, 1)]);
    const index = new CoverageIndex();
    index.addAll([...jobs].reverse());
    index.addAll(jobs);
    expect(index.report(DAY, NOW, [inventory(1, 1)])).toEqual(forward);
  });
});

describe("coverage filters", () => {
  const r = report(
    [
      backup({ id: 1, client: 1 }, "Completed", 2),
      backup({ id: 2, client: 2, agent: "SQL Server" }, "Failed", 2),
    ],
    [inventory(1, 1), inventory(2, 2, { agent: "SQL Server" })],
  );

  it("narrows by group, agent and text for the tiles, and by state for the list", () => {
    const odd = filterCoverage(r, { ...DEFAULT_COVERAGE_PARAMS, clientGroup: "odd" });
    expect(odd.clients.map((c) => c.name)).toEqual(["client1"]);
    const sql = filterCoverage(r, { ...DEFAULT_COVERAGE_PARAMS, agent: "sql" });
    expect(sql.summary.clients).toBe(1);
    const bad = filterCoverage(r, { ...DEFAULT_COVERAGE_PARAMS, state: ["never_backed_up"] });
    expect(bad.summary.clients).toBe(2);
    expect(bad.clients.map((c) => c.name)).toEqual(["client2"]);
  });

  it("names a bad parameter", () => {
    const { problems } = parseCoverageParams(new URLSearchParams("within=2h&state=fine"));
    expect(problems.map((p) => p.param)).toEqual(["within", "state"]);
    expect(problems[0]?.message).toContain("within must be one of 24h, 3d, 7d, 14d, 30d");
  });
});
