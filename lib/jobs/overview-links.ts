// The /jobs URL behind each number and chart element of the overview: one place that knows how a tile, a
// day's bar or a histogram bin becomes filters, so every link lists exactly the jobs that were counted.

import { DEFAULT_FILTERS, type JobFilters, serializeFilters } from "./filters";
import { FAILURE, OUTCOME_KINDS, type Outcome } from "./status-groups";
import type { StatusKind } from "./statuses";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function jobsHref(patch: Partial<JobFilters>): string {
  return `/jobs?${readableQuery(serializeFilters({ ...DEFAULT_FILTERS, ...patch }))}`;
}

/** A query string with commas and colons left as they are (both are legal there): links people read and paste. */
export function readableQuery(params: URLSearchParams): string {
  return params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
}

/** The [from, to) of a chart key: "2026-11-22" is that UTC day, "2026-11-22T14" that hour. */
export function bucketRange(key: string, nightly = false): { from: number; to: number } {
  const hourly = key.length === 13;
  const from = Date.parse(hourly ? `${key}:00:00Z` : `${key}T00:00:00Z`) + (nightly ? 12 * HOUR : 0);
  return { from, to: from + (hourly ? HOUR : DAY) };
}

/** Backups and synthetic fulls, within the types the overview covers. */
function nightlyTypes(type: JobFilters["type"]): JobFilters["type"] {
  const nightly = ["backup", "synthetic_full"] as const;
  if (type === "all") return [...nightly];
  const kept = type.filter((key) => (nightly as readonly string[]).includes(key));
  return kept.length > 0 ? kept : type;
}

export interface OverviewLinks {
  /** Jobs of some status kinds: a tile's jobs. */
  status(kinds: readonly StatusKind[], category: JobFilters["category"]): string;
  /** A client's failures: a row of "clients failing most". */
  failingClient(client: string): string;
  /** Finished jobs of every type that ended on a UTC day (savings per day). */
  day(key: string): string;
  /** Backups and synthetic fulls that ended in a backup night, noon to noon UTC. */
  night(key: string): string;
  /** Finished jobs of an agent or client (savings by...); null for "others", which is no one filter. */
  group(by: "agent" | "client", key: string): string | null;
  /** Finished backups whose savings fall in a histogram bin. */
  savingsBin(from: number, to: number): string;
  /** Jobs of one outcome that ended in an hour or a day. */
  outcome(key: string, outcome: Outcome): string;
}

/**
 * Links for an overview of `filters`: every link keeps them (window, client group, types...), so a link lists
 * the jobs that were counted and no others.
 */
export function overviewLinks(filters: JobFilters): OverviewLinks {
  const base = { ...filters, category: "finished" } as const;
  return {
    status: (kinds, category) => jobsHref({ ...filters, category, status: kinds }),
    failingClient: (client) => jobsHref({ ...base, client, status: [...FAILURE] }),
    day: (key) => jobsHref({ ...base, ...bucketRange(key) }),
    night: (key) => jobsHref({ ...base, type: nightlyTypes(filters.type), ...bucketRange(key, true) }),
    group: (by, key) => (key === "others" || key === "(none)" ? null : jobsHref({ ...base, [by]: key })),
    savingsBin: (from, to) =>
      jobsHref({
        ...base,
        type: filters.type === "all" || filters.type.includes("backup") ? ["backup"] : filters.type,
        savings: { min: Number.isFinite(from) ? from : null, max: to },
      }),
    outcome: (key, outcome) => jobsHref({ ...base, status: OUTCOME_KINDS[outcome], ...bucketRange(key) }),
  };
}
