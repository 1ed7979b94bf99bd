// The jobs of one UTC day, made from (seed, day) alone: the same day always has the same jobs, whenever the
// simulator was started. Backups follow each subclient's nightly schedule with a weekly full (or synthetic
// full); around them run the DR backup, data aging, aux copies, restores and workflows of a real CommCell.

import type { FinalStatus, SimJobKind, SimLevel, WaitStatus } from "./catalog";
import { type Estate, quietOn, type Subclient } from "./estate";
import type { JobPlan, Reason } from "./job-plan";
import { between, deriveSeed, intBetween, pick, type Random, seededRandom, weighted } from "./random";
import * as reasons from "./reasons";

export const DAY = 86_400;
const GIB = 1024 ** 3;

/** A plan before its id is known: ids follow start order across the day. */
export type DraftPlan = Omit<JobPlan, "id" | "plannedEnd">;

// Dedup + compression savings ranges (percent) by agent family, for fulls and for the rest.
const SAVINGS: Readonly<Record<string, { full: [number, number]; other: [number, number] }>> = {
  file: { full: [80, 94], other: [55, 85] },
  sql: { full: [60, 80], other: [25, 60] },
  oracle: { full: [65, 85], other: [25, 50] },
  vmware: { full: [88, 97], other: [65, 90] },
  exchange: { full: [50, 70], other: [35, 60] },
  nas: { full: [40, 65], other: [30, 55] },
};

const PHASES: Readonly<Record<string, readonly string[]>> = {
  file: ["Scan", "Backup", "Archive Index"],
  nas: ["Scan", "Backup", "Archive Index"],
  vmware: ["Discover", "Backup", "Archive Index"],
  sql: ["Backup", "Archive Index"],
  oracle: ["Backup", "Archive Index"],
  exchange: ["Scan", "Backup", "Archive Index"],
};
const KIND_PHASES: Readonly<Record<Exclude<SimJobKind, "backup">, readonly string[]>> = {
  restore: ["Restore"],
  synthfull: ["Synthetic Full Backup", "Archive Index"],
  auxcopy: ["Aux Copy"],
  drbackup: ["Export", "Backup"],
  dataaging: ["Data Aging"],
  workflow: ["Submit message", "Execute"],
};

const BACKUP_OUTCOMES: Readonly<Record<FinalStatus, number>> = {
  Completed: 86,
  "Completed w/ one or more errors": 4,
  "Completed w/ one or more warnings": 3,
  Failed: 2.5,
  Killed: 1,
  "Failed to Start": 1.5,
};

function levelFor(sub: Subclient, weekday: number, random: Random): SimLevel {
  if (sub.agent.family === "sql" && sub.name === "logs") return "Transaction Log";
  if (sub.agent.family === "oracle" && sub.name === "archivelogs") return "Transaction Log";
  if (sub.fullDay === weekday) return "Full";
  if (sub.agent.family === "sql" && random() < 0.15) return "Differential";
  return "Incremental";
}

function shareOfFull(level: SimLevel, random: Random): number {
  switch (level) {
    case "Full":
    case "Synthetic Full":
      return between(random, 0.95, 1.05);
    case "Differential":
      return between(random, 0.05, 0.15);
    case "Transaction Log":
      return between(random, 0.005, 0.03);
    case "Incremental":
      return between(random, 0.003, 0.06);
  }
}

function savingsFor(sub: Subclient, level: SimLevel, appBytes: number, random: Random): number {
  if (level === "Synthetic Full") return between(random, 99, 99.9);
  // Tiny incrementals can take more media than data: index and metadata are written too.
  if (appBytes < 2 * GIB && random() < 0.05) return -between(random, 2, 30);
  const range = SAVINGS[sub.agent.family] ?? SAVINGS.file;
  const [min, max] =
    level === "Full"
      ? (range as { full: [number, number] }).full
      : (range as { other: [number, number] }).other;
  return between(random, min, max);
}

// Fixed work besides moving data, in seconds: scans of millions of files, VM snapshots, log handling.
const OVERHEAD: Readonly<Record<string, readonly [number, number]>> = {
  file: [600, 3600],
  nas: [1200, 5400],
  vmware: [300, 1800],
  sql: [120, 900],
  oracle: [300, 1200],
  exchange: [900, 3600],
};

/** Seconds to back up `bytes` at a believable rate for the agent (GiB per hour), plus its fixed work. */
function runSecondsFor(bytes: number, family: string, random: Random): number {
  const gibPerHour =
    family === "vmware"
      ? between(random, 400, 1200)
      : family === "nas"
        ? between(random, 150, 500)
        : between(random, 200, 800);
  const [min, max] = OVERHEAD[family] ?? [60, 600];
  return Math.round((bytes / GIB / gibPerHour) * 3600 + between(random, min, max));
}

function waitFor(
  sub: Subclient,
  estate: Estate,
  random: Random,
): { seconds: number; status: WaitStatus; reason: Reason } | null {
  const roll = random();
  if (roll > 0.12) return null;
  const seconds = Math.round(between(random, 60, 2400));
  if (roll < 0.04) return { seconds, status: "Waiting", reason: reasons.anotherBackupRunning(sub) };
  if (roll < 0.07) return { seconds, status: "Waiting", reason: reasons.streamsExhausted(sub) };
  if (roll < 0.09) return { seconds, status: "Queued", reason: reasons.blackoutWindow(sub.client.name) };
  const ma = pick(random, estate.mediaAgents);
  const reason =
    random() < 0.3
      ? reasons.both(reasons.ddbOffline(sub, ma), reasons.mediaAgentOffline(ma))
      : reasons.ddbOffline(sub, ma);
  return { seconds, status: "Pending", reason };
}

function interruptionFor(sub: Subclient, estate: Estate, random: Random): JobPlan["interruption"] {
  const roll = random();
  if (roll < 0.015) {
    return {
      atShare: between(random, 0.1, 0.9),
      seconds: Math.round(between(random, 600, 7200)),
      status: "Pending",
      reason: reasons.ddbOffline(sub, pick(random, estate.mediaAgents)),
    };
  }
  if (roll < 0.025) {
    return {
      atShare: between(random, 0.05, 0.8),
      seconds: Math.round(between(random, 3600, 8 * 3600)),
      status: "Suspended",
      reason: reasons.suspendedByUser(
        "admin",
        pick(random, ["maintenance on ma02", "network change", "not responding"]),
      ),
    };
  }
  return null;
}

function backupPlan(
  estate: Estate,
  sub: Subclient,
  dayStart: number,
  random: Random,
  synthetic: boolean,
): DraftPlan {
  const weekday = new Date(dayStart * 1000).getUTCDay();
  const level: SimLevel = synthetic ? "Synthetic Full" : levelFor(sub, weekday, random);
  const start = dayStart + sub.nightlyStart + intBetween(random, 0, 300);
  const outcome = weighted(random, BACKUP_OUTCOMES);
  const failedToStart = outcome === "Failed to Start";
  const partial = outcome === "Failed" || outcome === "Killed" ? between(random, 0.05, 0.8) : 1;
  const appBytes = failedToStart ? 0 : Math.round(sub.fullBytes * shareOfFull(level, random) * partial);
  const savings = savingsFor(sub, level, appBytes, random);
  const files = failedToStart
    ? 0
    : Math.round(
        sub.fullFiles * (level === "Full" || synthetic ? 1 : between(random, 0.001, 0.05)) * partial,
      );
  const failedFiles = outcome === "Completed w/ one or more errors" ? intBetween(random, 1, 400) : 0;
  let outcomeReason: Reason | null = null;
  if (outcome === "Failed") outcomeReason = reasons.failure(sub, random);
  else if (outcome === "Killed")
    outcomeReason = reasons.killedBy(
      "admin",
      pick(random, ["exceeded maintenance window", "killing", "duplicate run"]),
    );
  else if (failedToStart)
    outcomeReason =
      random() < 0.6
        ? reasons.anotherBackupRunning(sub)
        : reasons.ddbOffline(sub, pick(random, estate.mediaAgents));
  else if (outcome === "Completed w/ one or more errors")
    outcomeReason = reasons.completedWithErrors(sub, failedFiles);
  else if (outcome === "Completed w/ one or more warnings")
    outcomeReason = reasons.completedWithWarnings(sub);
  return {
    kind: synthetic ? "synthfull" : "backup",
    start,
    wait: failedToStart ? null : waitFor(sub, estate, random),
    // A synthetic full reads little: it builds the full from earlier backups on the MediaAgent.
    runSeconds: failedToStart
      ? 0
      : runSecondsFor(synthetic ? appBytes * 0.05 : appBytes, sub.agent.family, random),
    interruption: failedToStart ? null : interruptionFor(sub, estate, random),
    outcome,
    outcomeReason,
    submitErrorCode: failedToStart ? pick(random, [14, 8]) : 0,
    subclient: sub,
    level,
    phases: synthetic ? KIND_PHASES.synthfull : (PHASES[sub.agent.family] ?? ["Backup"]),
    appBytes,
    mediaBytes: Math.max(0, Math.round(appBytes * (1 - savings / 100))),
    files,
    failedFiles,
    failedFolders: failedFiles > 0 ? intBetween(random, 0, 5) : 0,
    userName: "admin",
    title: null,
  };
}

function servicePlan(
  kind: Exclude<SimJobKind, "backup" | "synthfull">,
  start: number,
  random: Random,
  sub: Subclient | null,
  estate: Estate,
): DraftPlan {
  const appBytes =
    kind === "drbackup"
      ? Math.round(between(random, 2, 8) * GIB)
      : kind === "auxcopy"
        ? Math.round(between(random, 500, 5000) * GIB)
        : kind === "restore"
          ? Math.round(between(random, 1, 200) * GIB)
          : 0;
  const savings =
    kind === "drbackup" ? between(random, 50, 70) : kind === "auxcopy" ? between(random, 90, 97) : 0;
  const outcome: FinalStatus =
    random() < 0.96 ? "Completed" : kind === "restore" ? "Completed w/ one or more errors" : "Failed";
  const workflowWait = kind === "workflow" && random() < 0.5;
  return {
    kind,
    start,
    wait: workflowWait
      ? {
          seconds: Math.round(between(random, 1800, 3 * DAY)),
          status: "Waiting",
          reason: reasons.waitingOnUser(),
        }
      : null,
    runSeconds:
      kind === "dataaging"
        ? intBetween(random, 60, 900)
        : kind === "workflow"
          ? intBetween(random, 30, 600)
          : runSecondsFor(appBytes, "service", random),
    interruption: null,
    outcome,
    outcomeReason:
      outcome === "Failed"
        ? reasons.failure(sub, random)
        : outcome === "Completed w/ one or more errors"
          ? reasons.completedWithErrors(sub, 3)
          : null,
    submitErrorCode: 0,
    subclient: kind === "restore" ? sub : null,
    level: null,
    phases: KIND_PHASES[kind],
    appBytes,
    mediaBytes: kind === "restore" ? 0 : Math.round(appBytes * (1 - savings / 100)),
    files: kind === "restore" ? intBetween(random, 1, 50_000) : 0,
    failedFiles: 0,
    failedFolders: 0,
    userName:
      kind === "restore" || kind === "workflow" ? pick(random, ["admin", "jsmith", "backup-ops"]) : "system",
    title: kind === "workflow" ? pick(random, estate.workflows) : null,
  };
}

/** How many jobs a day has: the yearly total spread over days, fewer at weekends, with some noise. */
export function jobsOnDay(seed: number, day: number, perYear: number): number {
  const random = seededRandom(deriveSeed(seed, 2, day));
  const weekday = new Date(day * DAY * 1000).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.8 : 1.08;
  return Math.max(8, Math.round((perYear / 365) * weekend * between(random, 0.9, 1.1)));
}

/** The jobs of UTC day `day` (days since 1970), in start order, without ids. */
export function plansForDay(estate: Estate, seed: number, day: number, count: number): DraftPlan[] {
  const random = seededRandom(deriveSeed(seed, 3, day));
  const dayStart = day * DAY;
  const plans: DraftPlan[] = [];
  const anySub = () => pick(random, estate.subclients);

  plans.push(
    servicePlan("drbackup", dayStart + 10 * 3600 + intBetween(random, 0, 600), random, null, estate),
  );
  plans.push(
    servicePlan("dataaging", dayStart + 12 * 3600 + intBetween(random, 0, 300), random, null, estate),
  );
  for (let i = 0; i < Math.min(4, estate.storagePolicies.length); i++) {
    plans.push(servicePlan("auxcopy", dayStart + 6 * 3600 + i * 900, random, null, estate));
  }
  const extras = Math.max(1, Math.round(count * 0.02));
  for (let i = 0; i < extras; i++) {
    plans.push(
      servicePlan("restore", dayStart + intBetween(random, 8 * 3600, 18 * 3600), random, anySub(), estate),
    );
  }
  for (let i = 0; i < Math.max(1, Math.round(count * 0.005)); i++) {
    plans.push(
      servicePlan("workflow", dayStart + intBetween(random, 7 * 3600, 20 * 3600), random, null, estate),
    );
  }

  const backups = Math.max(0, count - plans.length);
  // Only scheduled subclients of clients that are not in a quiet spell are backed up.
  const subs = estate.subclients.filter((sub) => sub.backup === "enabled" && !quietOn(sub.client, day));
  // Walk the subclients from a day-dependent offset, so each is backed up about as often as the volume allows.
  const offset = Math.floor(random() * subs.length);
  for (let i = 0; i < (subs.length > 0 ? backups : 0); i++) {
    const sub = subs[(offset + i) % subs.length] as Subclient;
    const weekday = new Date(dayStart * 1000).getUTCDay();
    plans.push(backupPlan(estate, sub, dayStart, random, sub.synthetic && sub.fullDay === weekday));
  }
  return plans.sort((a, b) => a.start - b.start);
}
