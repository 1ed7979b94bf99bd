// GET <ws>/Job for one upstream query, every page of it: the first page says how many jobs there are
// (totalRecordsWithoutPaging), the rest are fetched a few at a time. JSON is asked for: it parses 13-18x
// faster than XML (see bench/results/parser.md); XML answers are read all the same.

import type { Job } from "@/lib/jobs/job";
import type { UpstreamJobQuery } from "@/lib/jobs/upstream-query";
import { parseJobList } from "./parse-job-list";
import { authenticatedGet, type UpstreamSession } from "./session";

export type { UpstreamJobQuery };

export interface FetchedJobs {
  readonly jobs: Job[];
  /** The CommCell's count before paging, as its first page said. */
  readonly upstreamTotal: number;
  readonly pages: number;
  readonly durationMs: number;
  readonly dropped: { readonly hidden: number; readonly unreadable: number };
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
  return parseJobList(response.body, response.contentType);
}

export async function fetchJobs(
  session: UpstreamSession,
  query: UpstreamJobQuery,
  paging: { readonly pageSize: number; readonly concurrency: number },
  clock: () => number = Date.now,
): Promise<FetchedJobs> {
  const started = clock();
  const first = await fetchPage(session, query, 0, paging.pageSize);
  const pages = [first];
  const offsets: number[] = [];
  for (let offset = paging.pageSize; offset < first.total; offset += paging.pageSize) offsets.push(offset);
  let next = 0;
  const rest: (typeof first)[] = new Array(offsets.length);
  const worker = async () => {
    while (next < offsets.length) {
      const index = next++;
      rest[index] = await fetchPage(session, query, offsets[index] as number, paging.pageSize);
    }
  };
  await Promise.all(Array.from({ length: Math.min(paging.concurrency, offsets.length) }, worker));
  pages.push(...rest);

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
  };
}
