// Coverage: what is not protected, per client and subclient, by the rules of Commvault's SLA report
// (../shared/reference/commvault-api.md, "Coverage"): a client is protected only when every one of its
// subclients had a successful backup in the period; "completed with errors" is a success for file-system
// agents and a failure for database agents; synthetic fulls do not count; a subclient that never ran is
// missed; a disabled one is left out; strikes are failed or killed backups since the last success.
//
// The per-subclient history is a fold that does not depend on the order jobs arrive in, so it is kept as
// jobs arrive (`CoverageIndex.add`) and a report is read from it without going over the job history again.

import type { Job } from "./job";

/** Worst first: the order of the page, the wall panel and a client's state among its subclients'. */
export const COVERAGE_STATES = [
  "never_backed_up",
  "unprotected",
  "at_risk",
  "protected",
  "excluded",
] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];

export const COVERAGE_INFO = {
  never_backed_up: { label: "Never backed up", tone: "danger" },
  unprotected: { label: "Unprotected", tone: "danger" },
  at_risk: { label: "At risk", tone: "warning" },
  protected: { label: "Protected", tone: "success" },
  excluded: { label: "Excluded", tone: "neutral" },
} as const satisfies Record<CoverageState, { label: string; tone: string }>;

/** A subclient as the CommCell's inventory lists it (GET Subclient?clientId=). */
export interface InventorySubclient {
  readonly id: number;
  readonly name: string;
  readonly clientId: number;
  readonly clientName: string;
  readonly agent: string | null;
  readonly backupEnabled: boolean;
  /** The inventory's last backup (epoch ms): a success older than the job history reaches; null if none. */
  readonly lastBackupTime: number | null;
}

// Database agents, whose "completed with errors" is a failure (Commvault's SLA rule).
const DATABASE_AGENT =
  /sql|oracle|db2|mysql|postgres|sybase|informix|hana|mongo|database|exchange db|cosmos/i;

export function isDatabaseAgent(agent: string | null): boolean {
  return agent !== null && DATABASE_AGENT.test(agent);
}

type Outcome = "success" | "failure" | null;

/** How a finished job counts toward its subclient's coverage; null when it does not count at all. */
export function backupOutcome(job: Job): Outcome {
  if (job.typeKey !== "backup" || job.active || job.endTime === null) return null;
  if (job.backupLevel?.kind === "synthetic_full") return null;
  switch (job.statusKind) {
    case "completed":
    case "completed_with_warnings":
      return "success";
    case "completed_with_errors":
      return isDatabaseAgent(job.appType?.name ?? null) ? "failure" : "success";
    case "failed":
    case "failed_to_start":
    case "killed":
    case "interrupted":
    case "committed":
      return "failure";
    default:
      return null;
  }
}

interface Fold {
  readonly id: number | null;
  readonly name: string;
  readonly clientId: number | null;
  readonly clientName: string;
  agent: string | null;
  // The last success and the last attempt as plain fields, not objects: a fold of a year's history in
  // date order replaces them at almost every job, and one object per job was most of the fold's garbage.
  // A report makes the objects it shows. successEnd and attemptEnd are -Infinity before any.
  successId: number;
  successEnd: number;
  successLevel: string | null;
  successSize: number | null;
  attemptId: number;
  attemptEnd: number;
  attemptStatus: string | null;
  attemptSuccess: boolean;
  /** Failures after the last success, by job id (a job seen twice counts once). */
  readonly strikes: Map<number, number>;
}

function lastSuccessOf(fold: Fold) {
  if (fold.successEnd === Number.NEGATIVE_INFINITY) return null;
  return {
    jobId: fold.successId,
    endTime: fold.successEnd,
    level: fold.successLevel,
    size: fold.successSize,
  };
}

function lastAttemptOf(fold: Fold) {
  if (fold.attemptEnd === Number.NEGATIVE_INFINITY) return null;
  return {
    jobId: fold.attemptId,
    endTime: fold.attemptEnd,
    status: fold.attemptStatus,
    success: fold.attemptSuccess,
  };
}

/** A subclient's key: its id (a number, the common case and the inventory's), else client and name. */
function keyOf(job: Job): number | string | null {
  const sub = job.subclient;
  if (!sub) return null;
  if (sub.id !== null && sub.id > 0) return sub.id;
  return sub.name && job.client ? `c${job.client.id ?? job.client.name}:${sub.name}` : null;
}

export interface SubclientCoverage {
  readonly id: number | null;
  readonly name: string;
  readonly agent: string | null;
  readonly state: CoverageState;
  readonly lastSuccess: {
    readonly jobId: number | null;
    readonly endTime: number;
    readonly level: string | null;
    readonly size: number | null;
  } | null;
  readonly lastAttempt: {
    readonly jobId: number;
    readonly endTime: number;
    readonly status: string | null;
  } | null;
  readonly strikes: number;
  /** Milliseconds since the last success; null when there was none. */
  readonly ageMs: number | null;
}

export interface ClientCoverage {
  readonly id: number | null;
  readonly name: string;
  /** The client groups its jobs name (the inventory does not list them). */
  readonly groups: readonly string[];
  readonly state: CoverageState;
  readonly subclients: readonly SubclientCoverage[];
}

export interface CoverageSummary {
  readonly clients: number;
  readonly protected: number;
  readonly atRisk: number;
  readonly unprotected: number;
  readonly neverBackedUp: number;
  readonly excluded: number;
  /** Commvault's SLA %: clients that met it (protected or at risk) over clients counted (not excluded). */
  readonly protectedPercent: number | null;
}

export interface CoverageReport {
  readonly summary: CoverageSummary;
  readonly clients: readonly ClientCoverage[];
}

const rank = (state: CoverageState) => COVERAGE_STATES.indexOf(state);
// A client's id when it has one (a number: no string made per job), else its name.
const clientKey = (id: number | null, name: string): number | string => id ?? `n${name}`;

export class CoverageIndex {
  private readonly folds = new Map<number | string, Fold>();
  private readonly seen = new WeakSet<Job>();
  private readonly groups = new Map<number | string, Set<string>>();

  /** Takes in one job; a job object already taken in is skipped, so a whole new answer can be offered. */
  add(job: Job): void {
    if (this.seen.has(job)) return;
    this.seen.add(job);
    if (job.client && job.clientGroups.length > 0) {
      const key = clientKey(job.client.id, job.client.name ?? "");
      let groups = this.groups.get(key);
      if (!groups) {
        groups = new Set();
        this.groups.set(key, groups);
      }
      for (const group of job.clientGroups) if (group.name) groups.add(group.name);
    }
    const outcome = backupOutcome(job);
    const key = outcome === null ? null : keyOf(job);
    if (key === null || job.endTime === null) return;
    let fold = this.folds.get(key);
    if (!fold) {
      fold = {
        id: job.subclient?.id ?? null,
        name: job.subclient?.name ?? "",
        clientId: job.client?.id ?? null,
        clientName: job.client?.name ?? "",
        agent: job.appType?.name ?? null,
        successId: 0,
        successEnd: Number.NEGATIVE_INFINITY,
        successLevel: null,
        successSize: null,
        attemptId: 0,
        attemptEnd: Number.NEGATIVE_INFINITY,
        attemptStatus: null,
        attemptSuccess: false,
        strikes: new Map(),
      };
      this.folds.set(key, fold);
    }
    const end = job.endTime;
    if (end > fold.attemptEnd || (end === fold.attemptEnd && job.id > fold.attemptId)) {
      fold.attemptId = job.id;
      fold.attemptEnd = end;
      fold.attemptStatus = job.status;
      fold.attemptSuccess = outcome === "success";
    }
    if (end <= fold.successEnd) return;
    if (outcome === "success") {
      fold.successId = job.id;
      fold.successEnd = end;
      fold.successLevel = job.backupLevel?.name ?? null;
      fold.successSize = job.sizeOfApplication;
      if (fold.strikes.size > 0) for (const [id, at] of fold.strikes) if (at <= end) fold.strikes.delete(id);
    } else {
      fold.strikes.set(job.id, end);
    }
  }

  addAll(jobs: readonly Job[]): void {
    for (const job of jobs) this.add(job);
  }

  /** Subclients with at least one counted backup, for coverage without an inventory. */
  subclientsSeen(): number {
    return this.folds.size;
  }

  /**
   * The coverage for a period ending `now` (epoch ms). With an inventory, its subclients are the list (one
   * that never ran still shows); without one (null), only subclients that produced a counted job.
   */
  report(
    periodMs: number,
    now: number,
    inventory: readonly InventorySubclient[] | null,
    /** Epoch ms the job history reaches back to; the inventory's older last backups fill in before it. */
    historyFrom = Number.NEGATIVE_INFINITY,
  ): CoverageReport {
    const start = now - periodMs;
    // A success that falls out of the period within its next quarter puts the subclient at risk.
    const riskBefore = now - periodMs * 0.75;
    const entries: { clientId: number | null; clientName: string; sub: SubclientCoverage }[] = [];
    const judge = (
      fold: Fold | undefined,
      base: { id: number | null; name: string; agent: string | null },
      inv: InventorySubclient | null,
    ) => {
      const fromJobs = fold ? lastSuccessOf(fold) : null;
      // The inventory's last backup stands in only where the history does not reach: within it, the jobs
      // decide (the inventory counts a database's "completed with errors" as a backup; the SLA does not).
      const fromInventory =
        inv?.lastBackupTime && inv.lastBackupTime < historyFrom && !fromJobs
          ? { jobId: null, endTime: inv.lastBackupTime, level: null, size: null }
          : null;
      const lastSuccess = fromInventory ?? fromJobs;
      const attempt = fold ? lastAttemptOf(fold) : null;
      let state: CoverageState;
      if (inv && !inv.backupEnabled) state = "excluded";
      else if (!lastSuccess) state = "never_backed_up";
      else if (lastSuccess.endTime < start) state = "unprotected";
      else if (lastSuccess.endTime < riskBefore || (attempt !== null && !attempt.success)) state = "at_risk";
      else state = "protected";
      return {
        id: base.id,
        name: base.name,
        agent: base.agent,
        state,
        lastSuccess,
        lastAttempt: attempt
          ? { jobId: attempt.jobId, endTime: attempt.endTime, status: attempt.status }
          : null,
        strikes: fold?.strikes.size ?? 0,
        ageMs: lastSuccess ? Math.max(0, now - lastSuccess.endTime) : null,
      } satisfies SubclientCoverage;
    };
    if (inventory) {
      for (const inv of inventory) {
        const fold = this.folds.get(inv.id);
        entries.push({
          clientId: inv.clientId,
          clientName: inv.clientName,
          sub: judge(fold, { id: inv.id, name: inv.name, agent: inv.agent ?? fold?.agent ?? null }, inv),
        });
      }
    } else {
      for (const fold of this.folds.values())
        entries.push({ clientId: fold.clientId, clientName: fold.clientName, sub: judge(fold, fold, null) });
    }
    const byClient = new Map<
      number | string,
      { id: number | null; name: string; groups: string[]; subclients: SubclientCoverage[] }
    >();
    for (const entry of entries) {
      const key = clientKey(entry.clientId, entry.clientName);
      let client = byClient.get(key);
      if (!client) {
        client = {
          id: entry.clientId,
          name: entry.clientName,
          groups: [...(this.groups.get(key) ?? [])].sort(),
          subclients: [],
        };
        byClient.set(key, client);
      }
      client.subclients.push(entry.sub);
    }
    const clients: ClientCoverage[] = [...byClient.values()].map((client) => {
      const state = clientState(client.subclients);
      const subclients = [...client.subclients].sort(
        (a, b) => rank(a.state) - rank(b.state) || b.strikes - a.strikes || a.name.localeCompare(b.name),
      );
      return { id: client.id, name: client.name, groups: client.groups, state, subclients };
    });
    clients.sort((a, b) => rank(a.state) - rank(b.state) || a.name.localeCompare(b.name));
    return { summary: summarize(clients), clients };
  }
}

/** A client's state: its worst subclient's, leaving excluded ones out; excluded when all of them are. */
export function clientState(subclients: readonly Pick<SubclientCoverage, "state">[]): CoverageState {
  let worst: CoverageState = "excluded";
  for (const sub of subclients) {
    if (sub.state === "excluded") continue;
    if (worst === "excluded" || rank(sub.state) < rank(worst)) worst = sub.state;
  }
  return worst;
}

export function summarize(clients: readonly ClientCoverage[]): CoverageSummary {
  const count = (state: CoverageState) => clients.filter((client) => client.state === state).length;
  const excluded = count("excluded");
  const counted = clients.length - excluded;
  const met = count("protected") + count("at_risk");
  return {
    clients: clients.length,
    protected: count("protected"),
    atRisk: count("at_risk"),
    unprotected: count("unprotected"),
    neverBackedUp: count("never_backed_up"),
    excluded,
    protectedPercent: counted === 0 ? null : Math.round((met / counted) * 1000) / 10,
  };
}
