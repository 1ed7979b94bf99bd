// How many jobs each value of a filter would show, as a faceted filter tells before it is clicked: for each
// facet, the jobs matching every other filter, counted by that facet's value. So with status=failed set,
// the status list still counts every status, and the agent list counts failed jobs per agent.

import type { BackupLevelKind } from "./backup-levels";
import { DEFAULT_FILTERS, type JobFilters } from "./filters";
import type { Job } from "./job";
import { filterJobs } from "./select";
import type { StatusKind } from "./statuses";

export interface NamedCount {
  readonly name: string;
  readonly count: number;
}

export interface Facets {
  readonly status: Partial<Record<StatusKind, number>>;
  readonly level: Partial<Record<BackupLevelKind, number>>;
  /** Client groups and agents by name, most jobs first (at most FACET_NAMES_MAX). */
  readonly clientGroup: readonly NamedCount[];
  readonly agent: readonly NamedCount[];
}

export const FACET_NAMES_MAX = 50;

function tally<K extends string>(
  jobs: readonly Job[],
  keysOf: (job: Job) => readonly (K | null | undefined)[],
) {
  const counts = new Map<K, number>();
  for (const job of jobs) {
    for (const key of new Set(keysOf(job))) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function named(counts: Map<string, number>): NamedCount[] {
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, FACET_NAMES_MAX);
}

export function facetCounts(jobs: readonly Job[], filters: JobFilters): Facets {
  const without = (patch: Partial<JobFilters>) => filterJobs(jobs, { ...filters, ...patch });
  return {
    status: Object.fromEntries(tally(without({ status: DEFAULT_FILTERS.status }), (job) => [job.statusKind])),
    level: Object.fromEntries(
      tally(without({ level: DEFAULT_FILTERS.level }), (job) => [job.backupLevel?.kind as BackupLevelKind]),
    ),
    clientGroup: named(
      tally(without({ clientGroup: null }), (job) => job.clientGroups.map((group) => group.name)),
    ),
    agent: named(tally(without({ agent: null }), (job) => [job.appType?.name])),
  };
}
