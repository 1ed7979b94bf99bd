// The overview's numbers, pure: tiles, savings over time and by agent or client, the distribution of
// savings, failing clients, and running jobs against their usual duration. Components only draw these.
// Jobs with no size data are left out of every ratio and counted, never taken as 0 % savings.

import type { Job } from "./job";
import { countByStatus, type StatusCounts } from "./metrics";
import {
  FAILURE,
  OUTCOME_KINDS,
  OUTCOMES,
  type Outcome,
  STATUS_GROUPS,
  SUCCESS_KINDS,
  TILE_KEYS,
  type TileKey,
} from "./status-groups";
import { STATUS_INFO, STATUS_KINDS, type StatusKind } from "./statuses";

export { FAILURE, OUTCOME_KINDS, OUTCOMES, type Outcome };

export type OverviewTiles = Readonly<Record<TileKey, number>> & {
  /** Share of finished jobs that succeeded (completed, committed, or with warnings only); null with none. */
  readonly successRate: number | null;
};

export function overviewTiles(jobs: readonly Job[]): OverviewTiles {
  return tilesOfCounts(countByStatus(jobs));
}

/** The tiles from counts per status kind: what a state kept up to date (lib/jobs/wall-state.ts) holds. */
export function tilesOfCounts(count: StatusCounts): OverviewTiles {
  const sum = (kinds: readonly StatusKind[]) => kinds.reduce((total, kind) => total + count[kind], 0);
  // Finished: every known kind that is not active; unknown statuses are neither success nor failure.
  const finished = sum(STATUS_KINDS.filter((kind) => !STATUS_INFO[kind].active && kind !== "unknown"));
  const tiles = Object.fromEntries(TILE_KEYS.map((key) => [key, sum(STATUS_GROUPS[key].kinds)])) as Record<
    TileKey,
    number
  >;
  return { ...tiles, successRate: finished === 0 ? null : sum([...SUCCESS_KINDS]) / finished };
}

export interface SizeTotals {
  readonly applicationBytes: number;
  readonly mediaBytes: number;
  /** 1 - media/application, in percent; null when no job in the group has size data. */
  readonly savingsPercent: number | null;
  readonly jobs: number;
}

/** Savings in percent, 1 - media/application; null without application bytes. The one formula. */
export function savingsPercentOf(applicationBytes: number, mediaBytes: number): number | null {
  return applicationBytes > 0 ? (1 - mediaBytes / applicationBytes) * 100 : null;
}

/** Whether a job's sizes can take part in a ratio: both known, and some application data. */
function hasSizes(job: Job): job is Job & { sizeOfApplication: number; sizeOfMediaOnDisk: number } {
  return job.sizeOfApplication !== null && job.sizeOfMediaOnDisk !== null && job.sizeOfApplication > 0;
}

/** The sizes of a group of jobs, summed in the order given; jobs without sizes are skipped. */
export function sizeTotals(jobs: readonly Job[]): SizeTotals {
  let app = 0;
  let media = 0;
  for (const job of jobs) {
    if (!hasSizes(job)) continue;
    app += job.sizeOfApplication;
    media += job.sizeOfMediaOnDisk;
  }
  return {
    applicationBytes: app,
    mediaBytes: media,
    savingsPercent: savingsPercentOf(app, media),
    jobs: jobs.length,
  };
}

export interface SavingsSeries<K> {
  readonly rows: readonly (SizeTotals & { readonly key: K })[];
  /** Finished jobs left out because they carry no application data (sizes missing, or 0 bytes). */
  readonly withoutSizes: number;
}

const DAY_MS = 86_400_000;

/**
 * Where a job's sizes count in savings by day: the day number of its end shifted back by `offsetMs` (UTC
 * days), "unsized" for a finished job without sizes (counted apart), "none" for one that has not ended.
 * The one rule for the overview's series and the wall's kept state (wall-state.ts).
 */
export function savingsDayOf(job: Job, offsetMs = 0): number | "unsized" | "none" {
  if (job.active || job.endTime === null) return "none";
  return hasSizes(job) ? Math.floor((job.endTime - offsetMs) / DAY_MS) : "unsized";
}

/** A day number's name, "YYYY-MM-DD". */
export const dayKeyOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Finished jobs' sizes per UTC day of their end time shifted back by `offsetMs` (0: calendar days; 12 h:
 * nights from noon to noon), oldest first, keyed "YYYY-MM-DD"; `include` picks the jobs that take part at
 * all, and of those the ones without sizes are counted apart. Grouped by day number and named once per
 * day: formatting a date for each of 100,000 jobs cost more than the rest of the work.
 */
function sizesByDay(
  jobs: readonly Job[],
  offsetMs: number,
  include: (job: Job) => boolean = () => true,
): SavingsSeries<string> {
  const groups = new Map<number, Job[]>();
  let withoutSizes = 0;
  for (const job of jobs) {
    if (!include(job)) continue;
    const day = savingsDayOf(job, offsetMs);
    if (day === "none") continue;
    if (day === "unsized") {
      withoutSizes++;
      continue;
    }
    // Appended in place: copying the group for every job made a busy day quadratic.
    const group = groups.get(day);
    if (group) group.push(job);
    else groups.set(day, [job]);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, group]) => ({ key: dayKeyOf(day), ...sizeTotals(group) }));
  return { rows, withoutSizes };
}

/** Application vs media bytes per UTC day of the job's end, for finished jobs. */
export function savingsByDay(jobs: readonly Job[]): SavingsSeries<string> {
  return sizesByDay(jobs, 0);
}

const HALF_DAY_MS = 43_200_000;
/** Job types whose application size is data protected that night. */
const NIGHTLY_TYPES: ReadonlySet<Job["typeKey"]> = new Set(["backup", "synthetic_full"]);

/**
 * Data protected (application bytes) against media written per backup night. A night runs from noon to
 * noon UTC and is named by its evening, so a backup window across midnight stays one night; jobs count on
 * the night they ended in.
 */
export function perNight(jobs: readonly Job[]): SavingsSeries<string> {
  return sizesByDay(jobs, HALF_DAY_MS, (job) => NIGHTLY_TYPES.has(job.typeKey));
}

/** The ten largest groups by application bytes (agent or client), the rest summed as "others". */
export function savingsBy(jobs: readonly Job[], by: "agent" | "client", top = 10): SavingsSeries<string> {
  const groups = new Map<string, Job[]>();
  let withoutSizes = 0;
  for (const job of jobs) {
    if (job.active) continue;
    if (!hasSizes(job)) {
      withoutSizes++;
      continue;
    }
    const key = (by === "agent" ? job.appType?.name : job.client?.name) ?? "(none)";
    const group = groups.get(key);
    if (group) group.push(job);
    else groups.set(key, [job]);
  }
  const ranked = [...groups.entries()]
    .map(([key, group]) => ({ key, ...sizeTotals(group) }))
    .sort((a, b) => b.applicationBytes - a.applicationBytes);
  const rows = ranked.slice(0, top);
  const rest = ranked.slice(top);
  if (rest.length > 0) {
    const app = rest.reduce((sum, row) => sum + row.applicationBytes, 0);
    const media = rest.reduce((sum, row) => sum + row.mediaBytes, 0);
    rows.push({
      key: "others",
      applicationBytes: app,
      mediaBytes: media,
      savingsPercent: savingsPercentOf(app, media),
      jobs: rest.reduce((n, row) => n + row.jobs, 0),
    });
  }
  return { rows, withoutSizes };
}

export interface HistogramBin {
  /** Lower bound in percent; the first bin holds everything below 0 (media larger than data). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** How many finished backups saved how much, in 10-point bins, so unusually low savings stand out. */
/** "< 0 %" for the first bin (media larger than data), "10-20 %" for the others. */
export function savingsBinLabel(bin: Pick<HistogramBin, "from" | "to">): string {
  return bin.from === Number.NEGATIVE_INFINITY ? "< 0 %" : `${bin.from}-${bin.to} %`;
}

export function savingsHistogram(jobs: readonly Job[]): { bins: HistogramBin[]; withoutSizes: number } {
  const bins: HistogramBin[] = [{ from: Number.NEGATIVE_INFINITY, to: 0, count: 0 }];
  for (let from = 0; from < 100; from += 10) bins.push({ from, to: from + 10, count: 0 });
  let withoutSizes = 0;
  for (const job of jobs) {
    if (job.active || job.typeKey !== "backup") continue;
    if (!hasSizes(job) || job.percentSavings === null) {
      withoutSizes++;
      continue;
    }
    const savings = job.percentSavings;
    const index = savings < 0 ? 0 : Math.min(10, Math.floor(savings / 10) + 1);
    const bin = bins[index] as HistogramBin;
    bins[index] = { ...bin, count: bin.count + 1 };
  }
  return { bins, withoutSizes };
}

/** Clients with the most failed jobs (failed, failed to start, killed, interrupted), most first. */
export function topFailingClients(jobs: readonly Job[], top = 10): { client: string; failures: number }[] {
  const counts = new Map<string, number>();
  for (const job of jobs)
    if (FAILURE.has(job.statusKind))
      counts.set(job.client?.name ?? "(none)", (counts.get(job.client?.name ?? "(none)") ?? 0) + 1);
  return [...counts.entries()]
    .map(([client, failures]) => ({ client, failures }))
    .sort((a, b) => b.failures - a.failures || a.client.localeCompare(b.client))
    .slice(0, top);
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface LongRunner {
  readonly job: Job;
  readonly elapsedSeconds: number;
  /** Median duration of the same subclient's last finished runs (up to 10); null without history. */
  readonly usualSeconds: number | null;
  /** elapsed / usual; null without history. */
  readonly ratio: number | null;
}

/** Running jobs, longest first, each against the median of its subclient's last successful runs. */
export function longestRunning(jobs: readonly Job[], top = 10): LongRunner[] {
  const history = new Map<string, number[]>();
  const key = (job: Job) =>
    `${job.client?.id ?? job.client?.name}|${job.subclient?.id ?? job.subclient?.name}|${job.type}`;
  // Newest first, so the first ten kept per subclient are its last ten runs.
  const finished = jobs
    .filter((job) => !job.active && SUCCESS_KINDS.has(job.statusKind) && job.elapsedSeconds !== null)
    .sort((a, b) => b.id - a.id);
  for (const job of finished) {
    const runs = history.get(key(job)) ?? [];
    if (runs.length < 10) runs.push(job.elapsedSeconds as number);
    history.set(key(job), runs);
  }
  return jobs
    .filter((job) => job.statusKind === "running" && job.elapsedSeconds !== null)
    .map((job) => {
      const usual = median(history.get(key(job)) ?? []);
      const elapsed = job.elapsedSeconds as number;
      return { job, elapsedSeconds: elapsed, usualSeconds: usual, ratio: usual ? elapsed / usual : null };
    })
    .sort((a, b) => b.elapsedSeconds - a.elapsedSeconds)
    .slice(0, top);
}

function outcomeOf(kind: StatusKind): Outcome | null {
  return OUTCOMES.find((outcome) => (OUTCOME_KINDS[outcome] as readonly StatusKind[]).includes(kind)) ?? null;
}

export type OutcomeRow = { readonly key: string } & Readonly<Record<Outcome, number>>;

/** Finished jobs per UTC hour or day of their end, by outcome, oldest first, empty buckets included. */
export function outcomesOverTime(jobs: readonly Job[], bucket: "hour" | "day"): OutcomeRow[] {
  const size = bucket === "hour" ? 3_600_000 : 86_400_000;
  const counts = new Map<number, Record<Outcome, number>>();
  for (const job of jobs) {
    const outcome = outcomeOf(job.statusKind);
    if (job.active || outcome === null || job.endTime === null) continue;
    const start = Math.floor(job.endTime / size) * size;
    const row = counts.get(start) ?? { completed: 0, warnings: 0, errors: 0, failed: 0 };
    row[outcome]++;
    counts.set(start, row);
  }
  if (counts.size === 0) return [];
  const keys = [...counts.keys()];
  const rows: OutcomeRow[] = [];
  for (let at = Math.min(...keys); at <= Math.max(...keys); at += size) {
    const key = new Date(at).toISOString().slice(0, bucket === "hour" ? 13 : 10);
    rows.push({ key, ...(counts.get(at) ?? { completed: 0, warnings: 0, errors: 0, failed: 0 }) });
  }
  return rows;
}
