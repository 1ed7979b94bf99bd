// The overview's URL: the /jobs filters narrow what it counts (a client group, some job types, an agent...),
// over every job type unless `type` says otherwise. Bad values are named and fall back like everywhere else.

import { DEFAULT_FILTERS, FILTER_PARAMS, type JobFilters, parseFilters } from "./filters";
import { readableQuery } from "./overview-links";
import { SUMMARY_IGNORED } from "./wall-params";

export interface ParsedOverview {
  /** Category is always "all": the overview shows active and finished jobs. */
  readonly filters: JobFilters;
  readonly problems: readonly { readonly param: string; readonly message: string }[];
}

export function parseOverview(params: URLSearchParams): ParsedOverview {
  const parsed = parseFilters(params);
  const problems = parsed.problems
    .filter((problem) => !(SUMMARY_IGNORED as readonly string[]).includes(problem.param))
    .map((problem) => ({ param: problem.param, message: problem.message }));
  const typeGiven = params.get("type") !== null && !problems.some((problem) => problem.param === "type");
  return {
    filters: {
      ...parsed.filters,
      category: "all",
      type: typeGiven ? parsed.filters.type : "all",
      sort: DEFAULT_FILTERS.sort,
      page: 1,
      pageSize: DEFAULT_FILTERS.pageSize,
    },
    problems,
  };
}

/** The overview's own address for these filters (every job type is its default, so it is left out). */
export function overviewHref(filters: JobFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of serializeSummaryFilters(filters)) params.set(name, value);
  const query = readableQuery(params);
  return query ? `/?${query}` : "/";
}

function serializeSummaryFilters(filters: JobFilters): [string, string][] {
  const entries: [string, string][] = [];
  for (const name of Object.keys(FILTER_PARAMS) as (keyof JobFilters)[]) {
    if ((SUMMARY_IGNORED as readonly string[]).includes(name)) continue;
    const param = FILTER_PARAMS[name] as { serialize(value: unknown): string };
    const value = param.serialize(filters[name]);
    // type is written unless it is "all" (the overview's default, unlike /jobs' backups).
    const isDefault = name === "type" ? value === "all" : value === param.serialize(DEFAULT_FILTERS[name]);
    if (!isDefault) entries.push([name, value]);
  }
  return entries;
}
