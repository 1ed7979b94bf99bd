// Which filters the CommCell applies itself: category, job types, a client id and the time window go
// upstream as jobCategory, jobFilter, clientId and completedJobLookupTime; everything else is filtered here.
// Fewer distinct upstream queries also means more viewers share one cache entry.

import type { JobFilters } from "./filters";
import { JOB_TYPES } from "./job-types";

export interface UpstreamJobQuery {
  readonly category: "active" | "finished" | "all";
  /** null: leave jobFilter out (the API then gives backups only); "": every type; else API words. */
  readonly jobFilter: string | null;
  readonly clientId: number | null;
  /** Always sent: left out, a CommCell looks back a whole year, which can take over 30 s. */
  readonly lookupSeconds: number;
}

export function upstreamQueryOf(filters: JobFilters): UpstreamJobQuery {
  const client = filters.client?.trim() ?? "";
  return {
    category: filters.category,
    jobFilter:
      filters.type === "all"
        ? ""
        : [...filters.type]
            .sort()
            .map((key) => JOB_TYPES[key].filter)
            .join(","),
    clientId: /^\d+$/.test(client) ? Number(client) : null,
    lookupSeconds: filters.window,
  };
}

/** A stable key for a query: equal queries, however written, share a cache entry. */
export function upstreamQueryKey(query: UpstreamJobQuery): string {
  return [query.category, query.jobFilter ?? "-", query.clientId ?? "-", query.lookupSeconds].join("|");
}
