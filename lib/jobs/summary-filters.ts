// The filters of views that summarise jobs rather than list them (the wall, the overview): the /jobs
// filters, over active and finished jobs alike, in no particular order and unpaged. Values of the listing
// parameters are ignored, not reported, since such a view has no use for them.

import { DEFAULT_FILTERS, type JobFilters, parseFilters } from "./filters";
import type { ParamProblem } from "./url-params";

const LISTING_PARAMS: readonly string[] = [
  "category",
  "sort",
  "page",
  "pageSize",
] satisfies (keyof JobFilters)[];

export interface ParsedSummaryFilters {
  readonly filters: JobFilters;
  readonly problems: ParamProblem[];
}

export function parseSummaryFilters(params: URLSearchParams): ParsedSummaryFilters {
  const parsed = parseFilters(params);
  return {
    filters: {
      ...parsed.filters,
      category: "all",
      sort: DEFAULT_FILTERS.sort,
      page: 1,
      pageSize: DEFAULT_FILTERS.pageSize,
    },
    problems: parsed.problems.filter((problem) => !LISTING_PARAMS.includes(problem.param)),
  };
}
