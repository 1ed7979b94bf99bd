// The overview's URL: the /jobs filters narrow what it counts (a client group, some job types, an agent...),
// over every job type unless `type` says otherwise. Bad values are named and fall back like everywhere else.

import { FILTER_PARAMS, type JobFilters, serializeFilters } from "./filters";
import { readableQuery } from "./overview-links";
import { type ParsedSummaryFilters, parseSummaryFilters } from "./summary-filters";

export function parseOverview(params: URLSearchParams): ParsedSummaryFilters {
  const { filters, problems } = parseSummaryFilters(params);
  const typeGiven = params.get("type") !== null && !problems.some((problem) => problem.param === "type");
  return { filters: { ...filters, type: typeGiven ? filters.type : "all" }, problems };
}

/** The overview's own address for these filters (every job type is its default, so it is left out). */
export function overviewHref(filters: JobFilters): string {
  // The listing parameters are at their defaults in an overview's filters, so serializeFilters leaves
  // them out; only type differs: written unless "all", even when it is /jobs' default of backups.
  const params = serializeFilters(filters);
  if (filters.type === "all") params.delete("type");
  else params.set("type", FILTER_PARAMS.type.serialize(filters.type));
  const query = readableQuery(params);
  return query ? `/?${query}` : "/";
}
