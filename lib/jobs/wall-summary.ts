// What a wall display shows, made on the server from the jobs it covers: a few kilobytes a TV can poll for
// weeks, instead of the jobs themselves. Pure; the wall's components only draw it. Made from a kept state
// (wall-state.ts) that refreshes update, so a new answer costs its changes, not a pass over every job.

import type { Job } from "./job";
import { stoppedSeconds } from "./metrics";
import { dayKeyOf, type OverviewTiles, sizeTotals, tilesOfCounts } from "./overview-metrics";
import { groupStoppedJobs, type ReasonClass } from "./reason-class";
import type { StatusKind } from "./statuses";
import { type WallState, wallState } from "./wall-state";

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

/** The summary of a view's jobs (already filtered), made from all of them. */
export function wallSummary(jobs: readonly Job[], now: number, rowsMax = WALL_ROWS_MAX): WallSummary {
  return wallSummaryOf(wallState(jobs), now, rowsMax);
}

/** The summary of a kept state at `now`: work on the live jobs and the last days only, not on every job. */
export function wallSummaryOf(state: WallState, now: number, rowsMax = WALL_ROWS_MAX): WallSummary {
  const live = [...state.live];
  const active = live.filter((job) => job.active);
  // Running first, longest running first; then the stopped ones, longest stopped first.
  const stopped = new Map(active.map((job) => [job.id, stoppedSeconds(job, now) ?? 0]));
  const rank = (job: Job) => (job.statusKind === "running" ? 0 : 1);
  const age = (job: Job) =>
    job.statusKind === "running" ? (job.elapsedSeconds ?? 0) : (stopped.get(job.id) ?? 0);
  active.sort((a, b) => rank(a) - rank(b) || age(b) - age(a) || a.id - b.id);

  const lastDays = [...state.days.keys()].sort((a, b) => a - b).slice(-WALL_SAVINGS_DAYS);
  return {
    tiles: tilesOfCounts(state.counts),
    failures: {
      rows: state.failed.slice(0, rowsMax).map((job) => rowOf(job, now)),
      total: state.failed.length,
    },
    active: { rows: active.slice(0, rowsMax).map((job) => rowOf(job, now)), total: active.length },
    waiting: groupStoppedJobs(live, now).map(({ reasonClass, count, longestSeconds }) => ({
      reasonClass,
      count,
      longestSeconds,
    })),
    savings: {
      days: lastDays.map((day) => {
        // Summed newest first, the order of the answer, so the figures are those of a sum over its jobs.
        const jobs = [...(state.days.get(day) ?? [])].sort((a, b) => b.id - a.id);
        const { applicationBytes, mediaBytes, savingsPercent } = sizeTotals(jobs);
        return { key: dayKeyOf(day), applicationBytes, mediaBytes, savingsPercent };
      }),
      withoutSizes: state.withoutSizes,
    },
  };
}
