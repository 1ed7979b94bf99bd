// What a wall display shows, made on the server from the jobs it covers: a few kilobytes a TV can poll for
// weeks, instead of the jobs themselves. Pure; the wall's components only draw it.

import type { Job } from "./job";
import { stoppedSeconds } from "./metrics";
import { type OverviewTiles, overviewTiles, savingsByDay } from "./overview-metrics";
import { groupStoppedJobs, type ReasonClass } from "./reason-class";
import { FAILURE } from "./status-groups";
import type { StatusKind } from "./statuses";

export interface WallJobRow {
  readonly id: number;
  readonly client: string | null;
  readonly subclient: string | null;
  readonly type: string | null;
  readonly status: string | null;
  readonly statusKind: StatusKind;
  readonly statusColor: string | null;
  readonly startTime: number | null;
  readonly endTime: number | null;
  readonly elapsedSeconds: number | null;
  readonly percentComplete: number | null;
  /** The first reason only: the screen has one line per job. */
  readonly reason: string | null;
  /** For waiting or suspended jobs: how long they have been so. */
  readonly stoppedSeconds: number | null;
}

export interface WallList {
  /** As many rows as the largest screen shows; the screen says how many more there are. */
  readonly rows: readonly WallJobRow[];
  readonly total: number;
}

export interface WallReasonGroup {
  readonly reasonClass: ReasonClass;
  readonly count: number;
  readonly longestSeconds: number | null;
}

export interface WallSavingsDay {
  readonly key: string;
  readonly applicationBytes: number;
  readonly mediaBytes: number;
  readonly savingsPercent: number | null;
}

export interface WallSummary {
  readonly tiles: OverviewTiles;
  /** Failed, failed to start, killed and interrupted jobs, newest first. */
  readonly failures: WallList;
  /** Active jobs: running ones first, longest running first, then the stopped ones longest stopped first. */
  readonly active: WallList;
  readonly waiting: readonly WallReasonGroup[];
  /** The last days' savings, oldest first, and the finished jobs left out for want of sizes. */
  readonly savings: { readonly days: readonly WallSavingsDay[]; readonly withoutSizes: number };
}

/** Enough rows to fill a 4K screen's panel; a TV never needs the thousands behind them. */
export const WALL_ROWS_MAX = 60;
export const WALL_SAVINGS_DAYS = 7;

function firstReason(job: Job): string | null {
  return job.pendingReason?.reasons[0]?.message ?? job.pendingReason?.text ?? null;
}

function rowOf(job: Job, now: number): WallJobRow {
  return {
    id: job.id,
    client: job.client?.name ?? null,
    subclient: job.subclient?.name ?? null,
    type: job.type,
    status: job.status,
    statusKind: job.statusKind,
    statusColor: job.statusColor,
    startTime: job.startTime,
    endTime: job.endTime,
    elapsedSeconds: job.elapsedSeconds,
    percentComplete: job.percentComplete,
    reason: firstReason(job),
    stoppedSeconds: stoppedSeconds(job, now),
  };
}

const finishedAt = (job: Job) => job.endTime ?? job.startTime ?? 0;

export function wallSummary(jobs: readonly Job[], now: number, rowsMax = WALL_ROWS_MAX): WallSummary {
  const failed = jobs.filter((job) => FAILURE.has(job.statusKind));
  // Newest first; the job id breaks ties, since ids grow with submission.
  failed.sort((a, b) => finishedAt(b) - finishedAt(a) || b.id - a.id);

  const active = jobs.filter((job) => job.active);
  // Running first, longest running first; then the stopped ones, longest stopped first.
  const stopped = new Map(active.map((job) => [job.id, stoppedSeconds(job, now) ?? 0]));
  const rank = (job: Job) => (job.statusKind === "running" ? 0 : 1);
  const age = (job: Job) =>
    job.statusKind === "running" ? (job.elapsedSeconds ?? 0) : (stopped.get(job.id) ?? 0);
  active.sort((a, b) => rank(a) - rank(b) || age(b) - age(a) || a.id - b.id);

  const savings = savingsByDay(jobs);
  return {
    tiles: overviewTiles(jobs),
    failures: { rows: failed.slice(0, rowsMax).map((job) => rowOf(job, now)), total: failed.length },
    active: { rows: active.slice(0, rowsMax).map((job) => rowOf(job, now)), total: active.length },
    waiting: groupStoppedJobs(jobs, now).map(({ reasonClass, count, longestSeconds }) => ({
      reasonClass,
      count,
      longestSeconds,
    })),
    savings: {
      days: savings.rows
        .slice(-WALL_SAVINGS_DAYS)
        .map(({ key, applicationBytes, mediaBytes, savingsPercent }) => ({
          key,
          applicationBytes,
          mediaBytes,
          savingsPercent,
        })),
      withoutSizes: savings.withoutSizes,
    },
  };
}
