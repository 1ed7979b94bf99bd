// What the CommCell cannot filter, done here over normalized jobs: status kinds, client and group by name,
// agent, level, free text; then sorting on any column and paging.

import type { JobFilters, SavingsRange, Sort, SortColumn } from "./filters";
import type { JobRow } from "./job-row";

type SortValue = number | string | null;

const SORT_VALUE = {
  id: (job) => job.id,
  status: (job) => job.status?.toLowerCase() ?? null,
  type: (job) => job.type?.toLowerCase() ?? null,
  level: (job) => job.backupLevel?.name.toLowerCase() ?? null,
  client: (job) => job.client?.name?.toLowerCase() ?? null,
  agent: (job) => job.appType?.name?.toLowerCase() ?? null,
  backupSet: (job) => job.backupSet?.name?.toLowerCase() ?? null,
  subclient: (job) => job.subclient?.name?.toLowerCase() ?? null,
  phase: (job) => job.phase?.toLowerCase() ?? null,
  progress: (job) => job.percentComplete,
  start: (job) => job.startTime,
  end: (job) => job.endTime,
  elapsed: (job) => job.elapsedSeconds,
  lastUpdate: (job) => job.lastUpdateTime,
  appSize: (job) => job.sizeOfApplication,
  mediaSize: (job) => job.sizeOfMediaOnDisk,
  savings: (job) => job.percentSavings,
  files: (job) => job.files.total,
  failedFiles: (job) => job.files.failed,
} as const satisfies Record<SortColumn, (job: JobRow) => SortValue>;

const lower = (text: string | null | undefined) => text?.toLowerCase() ?? "";

function matchesRef(ref: { id: number | null; name: string | null } | null, wanted: string): boolean {
  if (!ref) return false;
  return /^\d+$/.test(wanted) ? ref.id === Number(wanted) : lower(ref.name) === wanted.toLowerCase();
}

function matchesText(job: JobRow, needle: string): boolean {
  if (String(job.id) === needle) return true;
  return [
    job.client?.name,
    job.subclient?.name,
    job.backupSet?.name,
    job.appType?.name,
    job.type,
    job.status,
    job.pendingReason?.text,
  ].some((text) => lower(text).includes(needle));
}

/** Finished jobs by their end, active ones by their start; a job with neither time is outside any range. */
function inRange(job: JobRow, from: number | null, to: number | null): boolean {
  if (from === null && to === null) return true;
  const time = job.endTime ?? job.startTime;
  return time !== null && (from === null || time >= from) && (to === null || time < to);
}

/**
 * [min, max), except that a range reaching 100 % holds 100 %. Jobs without size data (no media size, or no
 * application data) have no savings to speak of and are outside every range, as they are left out of the
 * overview's histogram.
 */
function inSavings(job: JobRow, range: SavingsRange | null): boolean {
  if (range === null) return true;
  const savings = job.percentSavings;
  if (savings === null || !job.sizeOfApplication || job.sizeOfMediaOnDisk === null) return false;
  if (range.min !== null && savings < range.min) return false;
  return range.max === null || savings < range.max || (range.max >= 100 && savings <= range.max);
}

export function filterJobs<T extends JobRow>(jobs: readonly T[], filters: JobFilters): T[] {
  const statuses = filters.status.length > 0 ? new Set(filters.status) : null;
  const levels = filters.level.length > 0 ? new Set(filters.level) : null;
  const needle = filters.q?.toLowerCase() ?? null;
  return jobs.filter(
    (job) =>
      (!statuses || statuses.has(job.statusKind)) &&
      (!filters.client || matchesRef(job.client, filters.client)) &&
      (!filters.clientGroup ||
        job.clientGroups.some((group) => matchesRef(group, filters.clientGroup as string))) &&
      (!filters.agent || lower(job.appType?.name) === filters.agent.toLowerCase()) &&
      (!levels || (job.backupLevel !== null && levels.has(job.backupLevel.kind))) &&
      (!needle || matchesText(job, needle)) &&
      inRange(job, filters.from, filters.to) &&
      inSavings(job, filters.savings),
  );
}

function newestFirst(jobs: readonly JobRow[]): boolean {
  for (let i = 1; i < jobs.length; i++) if ((jobs[i - 1] as JobRow).id < (jobs[i] as JobRow).id) return false;
  return true;
}

type Keyed = { readonly job: JobRow; readonly key: SortValue };

/** Missing values go last in either direction; ties keep the newest job first. */
function keyedOrder(sort: Sort): (a: Keyed, b: Keyed) => number {
  const direction = sort.descending ? -1 : 1;
  return (a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return b.job.id - a.job.id;
      return a.key === null ? 1 : -1;
    }
    if (a.key < b.key) return -direction;
    if (a.key > b.key) return direction;
    return b.job.id - a.job.id;
  };
}

/** Sorts a copy; missing values go last in either direction, ties keep the newest job first. */
export function sortJobs<T extends JobRow>(jobs: readonly T[], sort: Sort): T[] {
  // The default view's order is the CommCell's own: no need to sort 100,000 jobs into the order they have.
  if (sort.column === "id" && sort.descending && newestFirst(jobs)) return [...jobs];
  const value = SORT_VALUE[sort.column];
  return jobs
    .map((job) => ({ job, key: value(job) }))
    .sort(keyedOrder(sort))
    .map((entry) => entry.job as T);
}

/**
 * `rows` (filtered and sorted by these filters, from an earlier answer) brought up to date with the changes
 * to the next answer: the removed jobs found by binary search and left out, the added ones that match put
 * in their places, the stretches between copied whole. The same rows, in the same order, as filtering and
 * sorting the next answer whole, at the cost of a copy instead of a sort of every job.
 */
export function updateSelection<T extends JobRow>(
  rows: readonly T[],
  changes: { readonly added: readonly T[]; readonly removed: readonly T[] },
  filters: JobFilters,
): T[] {
  const value = SORT_VALUE[filters.sort.column];
  const order = keyedOrder(filters.sort);
  /** The first row that does not sort before `job` (the row that is `job`, if it is there). */
  const placeOf = (job: T) => {
    const entry = { job, key: value(job) };
    let low = 0;
    let high = rows.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const row = rows[middle] as T;
      if (order({ job: row, key: value(row) }, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const drops = changes.removed
    .map(placeOf)
    .filter((index, n) => rows[index] === changes.removed[n])
    .sort((a, b) => a - b);
  const incoming = sortJobs(filterJobs(changes.added, filters), filters.sort);
  const pieces: (readonly T[])[] = [];
  let cursor = 0;
  let d = 0;
  const copyTo = (end: number) => {
    for (; d < drops.length && (drops[d] as number) < end; d++) {
      pieces.push(rows.slice(cursor, drops[d]));
      cursor = (drops[d] as number) + 1;
    }
    pieces.push(rows.slice(cursor, end));
    cursor = end;
  };
  for (const job of incoming) {
    copyTo(placeOf(job));
    pieces.push([job]);
  }
  copyTo(rows.length);
  return ([] as T[]).concat(...pieces);
}

export interface Selection<T extends JobRow = JobRow> {
  /** The page of jobs to show. */
  readonly jobs: T[];
  /** How many jobs match the filters, over all pages. */
  readonly total: number;
}

/** The filters' page of already filtered and sorted rows. */
export function pageOf<T extends JobRow>(rows: readonly T[], filters: JobFilters): Selection<T> {
  const start = (filters.page - 1) * filters.pageSize;
  return { jobs: rows.slice(start, start + filters.pageSize), total: rows.length };
}

export function selectJobs<T extends JobRow>(jobs: readonly T[], filters: JobFilters): Selection<T> {
  return pageOf(sortJobs(filterJobs(jobs, filters), filters.sort), filters);
}
