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

/** The full counts behind a Facets (every name, not only the top ones), so that they can be updated. */
export interface FacetTallies {
  readonly status: ReadonlyMap<string, number>;
  readonly level: ReadonlyMap<string, number>;
  readonly clientGroup: ReadonlyMap<string, number>;
  readonly agent: ReadonlyMap<string, number>;
}

type Facet = keyof FacetTallies;

/** Per facet: the filters without that facet's own, and the values a job counts for (each once). */
const FACETS: Record<
  Facet,
  { without: Partial<JobFilters>; keys: (job: Job) => readonly (string | null | undefined)[] }
> = {
  status: { without: { status: DEFAULT_FILTERS.status }, keys: (job) => [job.statusKind] },
  level: { without: { level: DEFAULT_FILTERS.level }, keys: (job) => [job.backupLevel?.kind] },
  clientGroup: { without: { clientGroup: null }, keys: (job) => job.clientGroups.map((group) => group.name) },
  agent: { without: { agent: null }, keys: (job) => [job.appType?.name] },
};

function count(counts: Map<string, number>, jobs: readonly Job[], facet: Facet, by: 1 | -1): void {
  for (const job of jobs) {
    for (const key of new Set(FACETS[facet].keys(job))) {
      if (!key) continue;
      const next = (counts.get(key) ?? 0) + by;
      if (next > 0) counts.set(key, next);
      else counts.delete(key);
    }
  }
}

function tallied(build: (facet: Facet) => Map<string, number>): FacetTallies {
  return {
    status: build("status"),
    level: build("level"),
    clientGroup: build("clientGroup"),
    agent: build("agent"),
  };
}

export function facetTallies(jobs: readonly Job[], filters: JobFilters): FacetTallies {
  return tallied((facet) => {
    const counts = new Map<string, number>();
    count(counts, filterJobs(jobs, { ...filters, ...FACETS[facet].without }), facet, 1);
    return counts;
  });
}

/** `tallies` (of an earlier answer, left as they were) with the removed jobs taken off and the added counted. */
export function updateTallies(
  tallies: FacetTallies,
  changes: { readonly added: readonly Job[]; readonly removed: readonly Job[] },
  filters: JobFilters,
): FacetTallies {
  return tallied((facet) => {
    const counts = new Map(tallies[facet]);
    const matching = { ...filters, ...FACETS[facet].without };
    count(counts, filterJobs(changes.removed, matching), facet, -1);
    count(counts, filterJobs(changes.added, matching), facet, 1);
    return counts;
  });
}

function named(counts: ReadonlyMap<string, number>): NamedCount[] {
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, FACET_NAMES_MAX);
}

export function facetsOfTallies(tallies: FacetTallies): Facets {
  return {
    status: Object.fromEntries(tallies.status) as Facets["status"],
    level: Object.fromEntries(tallies.level) as Facets["level"],
    clientGroup: named(tallies.clientGroup),
    agent: named(tallies.agent),
  };
}

export function facetCounts(jobs: readonly Job[], filters: JobFilters): Facets {
  return facetsOfTallies(facetTallies(jobs, filters));
}
