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

/**
 * A client filter that is a whole number is the CommCell's client id; anything else (or a number past the
 * safe integers, which would round to another id) is a name, matched here.
 */
function clientIdOf(client: string): number | null {
  if (!/^\d{1,16}$/.test(client)) return null;
  const id = Number(client);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
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
    clientId: clientIdOf(client),
    lookupSeconds: filters.window,
  };
}

/** A stable key for a query: equal queries, however written, share a cache entry. */
export function upstreamQueryKey(query: UpstreamJobQuery): string {
  return [query.category, query.jobFilter ?? "-", query.clientId ?? "-", query.lookupSeconds].join("|");
}
