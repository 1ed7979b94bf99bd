// What changed from one answer to the next. An incremental refresh (lib/commcell/job-refresh.ts) keeps every
// unchanged job's object and puts the refetched ones beside them, both answers newest first; so walking the
// two lists side by side by id tells, in one pass and without hashing 100,000 jobs, which jobs went and
// which came. What was derived from the first answer (a sorted selection, facet counts) can then be brought
// up to date with those few instead of being made again from every job.

import type { Job } from "./job";
import { sameJob } from "./same-job";

export interface JobChanges {
  /** Jobs of the next answer that the previous one did not hold as the same object. */
  readonly added: readonly Job[];
  /** Jobs of the previous answer that the next one does not hold as the same object. */
  readonly removed: readonly Job[];
}

/**
 * The changes from `previous` to `next`, or null when either is not strictly newest first (then nothing can
 * be said cheaply, and what depends on the answer is made again). A job whose id is in both but whose object
 * differs was refetched: it is removed and added, since any of its fields may have changed.
 */
export function jobChanges(previous: readonly Job[], next: readonly Job[]): JobChanges | null {
  const added: Job[] = [];
  const removed: Job[] = [];
  let i = 0;
  let j = 0;
  let lastPrevious = Number.POSITIVE_INFINITY;
  let lastNext = Number.POSITIVE_INFINITY;
  while (i < previous.length || j < next.length) {
    const before = previous[i];
    const after = next[j];
    if (before && before.id >= lastPrevious) return null;
    if (after && after.id >= lastNext) return null;
    if (after && (!before || after.id > before.id)) {
      added.push(after);
      lastNext = after.id;
      j++;
    } else if (before && (!after || before.id > after.id)) {
      removed.push(before);
      lastPrevious = before.id;
      i++;
    } else if (before && after) {
      if (before !== after) {
        removed.push(before);
        added.push(after);
      }
      lastPrevious = before.id;
      lastNext = after.id;
      i++;
      j++;
    }
  }
  return { added, removed };
}

/** The job with this id in a newest-first list, by binary search; undefined when there is none. */
function findById(jobs: readonly Job[], id: number): Job | undefined {
  let low = 0;
  let high = jobs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const job = jobs[middle] as Job;
    if (job.id === id) return job;
    if (job.id > id) low = middle + 1;
    else high = middle;
  }
  return undefined;
}

/**
 * `fetched` with every job that says the same as the one `held` has (sameJob) replaced by that held object,
 * so an unchanged job stays the same object from one answer to the next. `held` is an answer's jobs, newest
 * first; when it is not in that order nothing is replaced.
 */
export function keepUnchanged(held: readonly Job[], fetched: readonly Job[]): Job[] {
  if (held.length === 0 || !newestFirst(held)) return [...fetched];
  return fetched.map((job) => {
    const kept = findById(held, job.id);
    return kept && sameJob(kept, job) ? kept : job;
  });
}

// Lists already found newest first. An answer's jobs are not changed once made, and each refresh lays its
// delta over the held answer again: walking 100,000 ids each time was about 6 ms of the server's thread
// per refresh (profiled). Were a list changed after all, the search would only find fewer jobs to keep:
// a job is kept only when it has the same id and says the same.
const foundNewestFirst = new WeakSet<readonly Job[]>();

function newestFirst(jobs: readonly Job[]): boolean {
  if (foundNewestFirst.has(jobs)) return true;
  for (let i = 1; i < jobs.length; i++) if ((jobs[i - 1] as Job).id <= (jobs[i] as Job).id) return false;
  foundNewestFirst.add(jobs);
  return true;
}
