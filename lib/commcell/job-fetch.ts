// GET <ws>/Job for one upstream query, every page of it: the first page says how many jobs there are
// (totalRecordsWithoutPaging), the rest are fetched a few at a time. JSON is asked for: it parses 13-18x
// faster than XML (see bench/results/parser.md); XML answers are read all the same.
//
// What the CommCell says is bounded: at most `maxPages` pages per fetch (a larger total is an error that
// names the setting, never a silent cut), and paging stops at the first page that comes back short or
// empty, whatever the total claimed.

import "server-only";
import type { Job } from "@/lib/jobs/job";
import type { UpstreamJobQuery } from "@/lib/jobs/upstream-query";
import { CommCellError } from "./errors";
import { parseJobList } from "./parse-job-list";
import { authenticatedGet, type UpstreamSession } from "./session";

export type { UpstreamJobQuery };

export interface Paging {
  /** Jobs asked for per request. */
  readonly pageSize: number;
  /** Requests of one fetch at once. */
  readonly concurrency: number;
  /** Pages read at most in one fetch. */
  readonly maxPages: number;
}

export interface FetchedJobs {
  readonly jobs: Job[];
  /** The CommCell's count before paging, as its first page said. */
  readonly upstreamTotal: number;
  readonly pages: number;
  readonly durationMs: number;
  readonly dropped: { readonly hidden: number; readonly unreadable: number };
  /** The CommCell's clock minus ours (ms), from its answer's Date header; 0 when it sent none. */
  readonly clockOffsetMs: number;
}

const CATEGORY = { active: "Active", finished: "Finished", all: "All" } as const;

export function jobPath(query: UpstreamJobQuery, offset: number, limit: number): string {
  const params = new URLSearchParams({
    jobCategory: CATEGORY[query.category],
    completedJobLookupTime: String(query.lookupSeconds),
  });
  if (query.clientId !== null) params.set("clientId", String(query.clientId));
  if (query.jobFilter !== null) params.set("jobFilter", query.jobFilter);
  // The API documents paging as headers; some versions read the query string. Both say the same.
  params.set("limit", String(limit));
  params.set("offset", String(offset));
  return `Job?${params.toString()}`;
}

async function fetchPage(session: UpstreamSession, query: UpstreamJobQuery, offset: number, limit: number) {
  const response = await authenticatedGet(session, jobPath(query, offset, limit), {
    Accept: "application/json",
    limit: String(limit),
    offset: String(offset),
  });
  const list = parseJobList(response.body, response.contentType);
  const offsetMs = response.clock ? response.clock.upstream - response.clock.local : 0;
  return { ...list, clockOffsetMs: offsetMs };
}

type Page = Awaited<ReturnType<typeof fetchPage>>;
const received = (page: Page) => page.jobs.length + page.dropped.hidden + page.dropped.unreadable;

export async function fetchJobs(
  session: UpstreamSession,
  query: UpstreamJobQuery,
  paging: Paging,
  clock: () => number = Date.now,
): Promise<FetchedJobs> {
  const started = clock();
  const first = await fetchPage(session, query, 0, paging.pageSize);
  const needed = Math.ceil(first.total / paging.pageSize);
  if (needed > paging.maxPages) {
    throw new CommCellError(
      "upstream",
      `The CommCell has ${first.total} jobs for this view, more than the ${paging.maxPages} pages of ${paging.pageSize} this server reads at once (COMMVAULT_MAX_PAGES): choose a shorter window or fewer job types.`,
      { code: "too_many_jobs" },
    );
  }
  const offsets: number[] = [];
  // A short first page is the whole answer, whatever the total says.
  if (received(first) >= paging.pageSize) {
    for (let offset = paging.pageSize; offset < first.total; offset += paging.pageSize) offsets.push(offset);
  }
  let next = 0;
  /** Offsets from here on are past the end: a page came back short or empty. */
  let end = Number.POSITIVE_INFINITY;
  const rest: (Page | undefined)[] = new Array(offsets.length);
  const worker = async () => {
    while (next < offsets.length) {
      const index = next++;
      const offset = offsets[index] as number;
      if (offset >= end) return;
      const page = await fetchPage(session, query, offset, paging.pageSize);
      rest[index] = page;
      if (received(page) < paging.pageSize) end = Math.min(end, offset + paging.pageSize);
    }
  };
  await Promise.all(Array.from({ length: Math.min(paging.concurrency, offsets.length) }, worker));
  const pages = [first, ...rest.filter((page): page is Page => page !== undefined)];

  // Jobs start while pages are read, shifting later pages: a job can then appear twice. Keep the first.
  const seen = new Set<number>();
  const jobs: Job[] = [];
  let hidden = 0;
  let unreadable = 0;
  for (const page of pages) {
    hidden += page.dropped.hidden;
    unreadable += page.dropped.unreadable;
    for (const job of page.jobs) {
      if (seen.has(job.id)) continue;
      seen.add(job.id);
      jobs.push(job);
    }
  }
  return {
    jobs,
    upstreamTotal: first.total,
    pages: pages.length,
    durationMs: clock() - started,
    dropped: { hidden, unreadable },
    clockOffsetMs: first.clockOffsetMs,
  };
}
