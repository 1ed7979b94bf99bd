// GET /api/jobs' work, apart from HTTP: the upstream query through the cache, then the selection. A
// selection (filter + sort over up to 100,000 jobs) is kept per cache answer and filters, so a hundred
// viewers of the same view, or one paging through it, sort it once; and when an incremental refresh brings
// the next answer, the selection and facet counts are updated with the jobs that changed, not made again.

import "server-only";
import type { CachedJobs } from "@/lib/commcell/job-cache";
import type { FetchedJobs } from "@/lib/commcell/job-fetch";
import { FULL_REFRESH_MS, mergeDelta, refreshJobs } from "@/lib/commcell/job-refresh";
import {
  type Facets,
  type FacetTallies,
  facetsOfTallies,
  facetTallies,
  updateTallies,
} from "@/lib/jobs/facets";
import { DEFAULT_FILTERS, type JobFilters, serializeFilters } from "@/lib/jobs/filters";
import type { Job } from "@/lib/jobs/job";
import { type JobRow, rowOf } from "@/lib/jobs/job-row";
import { holdsWholeSelection, narrows } from "@/lib/jobs/local-view";
import { filterJobs, pageOf, sortJobs, updateSelection } from "@/lib/jobs/select";
import { upstreamQueryKey, upstreamQueryOf } from "@/lib/jobs/upstream-query";
import { answerMemo } from "./answer-memo";
import { type TaggedBody, taggedView } from "./etag";
import { incrementalMemo } from "./incremental-memo";
import { getRuntime } from "./runtime";
import { asSeenBy, seenBy, type Viewer } from "./viewer";

export interface JobView {
  /** The page's rows: what the explorer shows and reads of each job (lib/jobs/job-row.ts). */
  readonly jobs: JobRow[];
  readonly total: number;
  readonly fetchedAt: string;
  readonly stale: boolean;
  /** Why the data is stale: the last refresh's error. */
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly upstream: { readonly durationMs: number; readonly pages: number; readonly incremental: boolean };
  /** How many jobs each value of the status, level, client group and agent filters would show. */
  readonly facets: Facets;
}

// Lines (see incremental-memo.ts) live while their view is refreshed; a full fetch makes every job new.
const LINES = { perAnswer: 32, lines: 64, idleMs: FULL_REFRESH_MS };

/** Sorted selections per answer and filters: a hundred viewers of a view, or one paging through it, sort once. */
const selections = incrementalMemo<Job[]>(LINES);

/** Facet counts per answer and filters (sort and paging aside): polling viewers of a view count once. */
const facetMemo = incrementalMemo<{ tallies: FacetTallies; facets: Facets }>(LINES);

function facetsOf(answer: KeyedJobs, filters: JobFilters): Facets {
  const key = serializeFilters({ ...filters, page: 1, pageSize: 1, sort: DEFAULT_FILTERS.sort }).toString();
  const counted = (tallies: FacetTallies) => ({ tallies, facets: facetsOfTallies(tallies) });
  return facetMemo.get(
    answer.value,
    `${answer.key}|${key}`,
    key,
    () => counted(facetTallies(answer.value.jobs, filters)),
    (kept, changes) => counted(updateTallies(kept.tallies, changes, filters)),
  ).facets;
}

function selected(answer: KeyedJobs, filters: JobFilters): Job[] {
  const key = serializeFilters({ ...filters, page: 1, pageSize: 1 }).toString();
  return selections.get(
    answer.value,
    `${answer.key}|${key}`,
    key,
    () => sortJobs(filterJobs(answer.value.jobs, filters), filters.sort),
    (kept, changes) => updateSelection(kept, changes, filters),
  );
}

/** A cache answer with its cache key: what a view's derived work is remembered by across answers. */
export interface KeyedJobs extends CachedJobs {
  readonly key: string;
}

/** The job cache's key for the filters' upstream query as this viewer may see it. */
export function jobsCacheKey(viewer: Viewer, filters: JobFilters): string {
  return `${viewer.cacheKey}|${upstreamQueryKey(upstreamQueryOf(filters))}`;
}

/** Every job of the filters' upstream query, through the cache: what the CommCell filtered, no more. */
export async function cachedJobs(viewer: Viewer, filters: JobFilters): Promise<KeyedJobs> {
  const { cache, upstream, answers } = getRuntime();
  const query = upstreamQueryOf(filters);
  const cacheKey = jobsCacheKey(viewer, filters);
  const paging = {
    pageSize: upstream.config.pageSize,
    concurrency: upstream.config.pageConcurrency,
    maxPages: upstream.config.maxPages,
  };
  // A delta another instance fetched, laid over this instance's own answer.
  const merge = (previous: NonNullable<Parameters<typeof refreshJobs>[3]>, delta: FetchedJobs) =>
    mergeDelta(previous, delta, query.lookupSeconds, Date.now());
  const load = (previous: Parameters<typeof refreshJobs>[3]) =>
    refreshJobs(viewer.upstream, query, paging, previous);
  // Several instances: the answer another has just fetched, or this one's fetch shared with them.
  const answer = await asSeenBy(
    viewer,
    cache.get(cacheKey, (previous) =>
      answers ? answers.load(cacheKey, previous, load, merge) : load(previous),
    ),
  );
  return { ...answer, error: answer.error && seenBy(viewer, answer.error), key: cacheKey };
}

/** Everything a view says besides its rows. */
function viewMeta(answer: KeyedJobs, filters: JobFilters, total: number): Omit<JobView, "jobs"> {
  return {
    total,
    fetchedAt: new Date(answer.fetchedAt).toISOString(),
    stale: answer.stale,
    error: answer.error ? { code: `commcell_${answer.error.kind}`, message: answer.error.message } : null,
    upstream: {
      durationMs: answer.value.durationMs,
      pages: answer.value.pages,
      incremental: answer.value.incremental,
    },
    facets: facetsOf(answer, filters),
  };
}

function viewOf(answer: KeyedJobs, filters: JobFilters): JobView {
  const { jobs, total } = pageOf(selected(answer, filters), filters);
  return { jobs: jobs.map(rowOf), ...viewMeta(answer, filters, total) };
}

export async function jobView(viewer: Viewer, filters: JobFilters): Promise<JobView> {
  return viewOf(await cachedJobs(viewer, filters), filters);
}

/** The JSON of a view and its entity tag, made once per answer version and filters, not once per request. */
const bodies = answerMemo<TaggedBody>(32);

/** Everything the body says besides the answer's jobs: its filters, how old, whether stale and why. */
function bodyKey(answer: KeyedJobs, filters: JobFilters): string {
  return `${serializeFilters(filters).toString()}|${answer.fetchedAt}|${answer.stale}|${answer.error?.message ?? ""}`;
}

function bodyOf(answer: KeyedJobs, filters: JobFilters): TaggedBody {
  return bodies.get(answer.value, bodyKey(answer, filters), () => {
    const { fetchedAt, upstream, ...content } = viewOf(answer, filters);
    return taggedView(content, fetchedAt, { upstream });
  });
}

export async function jobViewBody(viewer: Viewer, filters: JobFilters): Promise<TaggedBody> {
  return bodyOf(await cachedJobs(viewer, filters), filters);
}

/** The rowless bodies of confirmed views (lib/http/derived-rows.ts), per answer version and filters. */
const rowlessBodies = answerMemo<TaggedBody>(32);

/**
 * The view of `filters` without its rows, when the browser holds the view `from` as this server has it now
 * (the same tag) and that view determines this one's rows exactly (lib/jobs/local-view.ts): then the rows
 * the browser computed are this view's, and sending them again would only cost. It carries the full view's
 * tag, so the browser's next poll of it is a 304. Null when the browser's rows cannot be trusted: another
 * tag (the answer moved on since), or a view they do not determine.
 */
export async function confirmedJobViewBody(
  viewer: Viewer,
  filters: JobFilters,
  from: { readonly filters: JobFilters; readonly etag: string },
): Promise<TaggedBody | null> {
  if (!narrows(filters, from.filters)) return null;
  // One answer for every step below: a refresh between two of them must not pair rows of one answer
  // with a tag of another. Narrowing means the same upstream query, so the same cache answer.
  const answer = await cachedJobs(viewer, from.filters);
  const held = pageOf(selected(answer, from.filters), from.filters);
  if (!holdsWholeSelection({ filters: from.filters, jobs: held.jobs, total: held.total })) return null;
  if (bodyOf(answer, from.filters).etag !== from.etag) return null;
  const full = bodyOf(answer, filters);
  return rowlessBodies.get(answer.value, bodyKey(answer, filters), () => {
    const { total } = pageOf(selected(answer, filters), filters);
    const { fetchedAt, upstream, ...content } = viewMeta(answer, filters, total);
    return { ...taggedView(content, fetchedAt, { upstream }), etag: full.etag };
  });
}
