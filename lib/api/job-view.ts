// GET /api/jobs' work, apart from HTTP: the upstream query through the cache, then the selection. A
// selection (filter + sort over up to 100,000 jobs) is kept per cache answer and filters, so a hundred
// viewers of the same view, or one paging through it, sort it once.

import "server-only";
import type { CachedJobs } from "@/lib/commcell/job-cache";
import { fetchJobs } from "@/lib/commcell/job-fetch";
import { type JobFilters, serializeFilters } from "@/lib/jobs/filters";
import type { Job } from "@/lib/jobs/job";
import { filterJobs, sortJobs } from "@/lib/jobs/select";
import { upstreamQueryKey, upstreamQueryOf } from "@/lib/jobs/upstream-query";
import { getRuntime } from "./runtime";
import type { Viewer } from "./viewer";

export interface JobView {
  readonly jobs: Job[];
  readonly total: number;
  readonly fetchedAt: string;
  readonly stale: boolean;
  /** Why the data is stale: the last refresh's error. */
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly upstream: { readonly durationMs: number; readonly pages: number };
}

const SELECTIONS_MAX = 64;
const selections = new Map<string, Job[]>();

function selected(key: string, jobs: readonly Job[], filters: JobFilters): Job[] {
  let rows = selections.get(key);
  if (!rows) {
    rows = sortJobs(filterJobs(jobs, filters), filters.sort);
    selections.set(key, rows);
    if (selections.size > SELECTIONS_MAX) selections.delete(selections.keys().next().value as string);
  }
  return rows;
}

/** Every job of the filters' upstream query, through the cache: what the CommCell filtered, no more. */
export async function cachedJobs(
  viewer: Viewer,
  filters: JobFilters,
): Promise<{ cacheKey: string; answer: CachedJobs }> {
  const { cache, upstream } = getRuntime();
  const query = upstreamQueryOf(filters);
  const cacheKey = `${viewer.cacheKey}|${upstreamQueryKey(query)}`;
  const paging = { pageSize: upstream.config.pageSize, concurrency: upstream.config.pageConcurrency };
  const answer = await cache.get(cacheKey, () => fetchJobs(viewer.upstream, query, paging));
  return { cacheKey, answer };
}

export async function jobView(viewer: Viewer, filters: JobFilters): Promise<JobView> {
  const { cacheKey, answer } = await cachedJobs(viewer, filters);
  const unpaged = serializeFilters({ ...filters, page: 1, pageSize: 1 }).toString();
  const rows = selected(`${cacheKey}@${answer.fetchedAt}?${unpaged}`, answer.value.jobs, filters);
  const start = (filters.page - 1) * filters.pageSize;
  return {
    jobs: rows.slice(start, start + filters.pageSize),
    total: rows.length,
    fetchedAt: new Date(answer.fetchedAt).toISOString(),
    stale: answer.stale,
    error: answer.error ? { code: `commcell_${answer.error.kind}`, message: answer.error.message } : null,
    upstream: { durationMs: answer.value.durationMs, pages: answer.value.pages },
  };
}
