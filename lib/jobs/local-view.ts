// When the browser already holds a view's whole selection, a view that only re-orders it, pages through it
// or narrows it can be drawn at once from what is held, without the network: a sort click on 10,000 rows
// is answered in the browser, and the server's answer then confirms it. Only exact cases: a view that
// could hold a job the browser does not have (a wider filter, another upstream query) is left to the
// server, because showing fewer rows than there are, even for a moment, would be a lie.

import type { JobFilters, SavingsRange } from "./filters";
import type { JobRow } from "./job-row";
import { filterJobs, pageOf, type Selection, sortJobs } from "./select";
import { upstreamQueryKey, upstreamQueryOf } from "./upstream-query";

export interface HeldView {
  readonly filters: JobFilters;
  readonly jobs: readonly JobRow[];
  readonly total: number;
}

/** Whether `held` is the whole selection of its filters: the first page, holding every match. */
export function holdsWholeSelection(held: HeldView): boolean {
  return held.filters.page === 1 && held.jobs.length === held.total;
}

function subsetOf<T>(next: readonly T[], held: readonly T[]): boolean {
  if (held.length === 0) return true; // the held view kept every value
  return next.length > 0 && next.every((value) => held.includes(value));
}

function sameOrNarrower(next: string | null, held: string | null): boolean {
  return held === null || (next !== null && next.toLowerCase() === held.toLowerCase());
}

function rangeWithin(
  next: { min: number | null; max: number | null },
  held: { min: number | null; max: number | null },
): boolean {
  return (
    (held.min === null || (next.min !== null && next.min >= held.min)) &&
    (held.max === null || (next.max !== null && next.max <= held.max))
  );
}

function savingsWithin(next: SavingsRange | null, held: SavingsRange | null): boolean {
  return held === null || (next !== null && rangeWithin(next, held));
}

/**
 * Free text narrows when the new text contains the old: a job whose fields contain "lon-00" contain "lon".
 * Except that a needle also matches a job id exactly, and job 123 matches "123" without containing "12"
 * anywhere: a new needle of digits only is left to the server.
 */
function textNarrows(next: string | null, held: string | null): boolean {
  if (held === null) return true;
  if (next === null) return false;
  const [nextText, heldText] = [next.toLowerCase(), held.toLowerCase()];
  if (nextText === heldText) return true;
  return !/^\d+$/.test(nextText) && nextText.includes(heldText);
}

/** Whether every job `next` selects is among the jobs `held` selected (the same upstream answer, narrower filters). */
export function narrows(next: JobFilters, held: JobFilters): boolean {
  return (
    upstreamQueryKey(upstreamQueryOf(next)) === upstreamQueryKey(upstreamQueryOf(held)) &&
    subsetOf(next.status, held.status) &&
    subsetOf(next.level, held.level) &&
    sameOrNarrower(next.client, held.client) &&
    sameOrNarrower(next.clientGroup, held.clientGroup) &&
    sameOrNarrower(next.agent, held.agent) &&
    textNarrows(next.q, held.q) &&
    rangeWithin({ min: next.from, max: next.to }, { min: held.from, max: held.to }) &&
    savingsWithin(next.savings, held.savings)
  );
}

/**
 * The page `next` would show, computed from the held view with the same code the server runs, or null when
 * the held jobs cannot tell (not the whole selection, or a view that could hold other jobs).
 */
export function localSelection(held: HeldView, next: JobFilters): Selection | null {
  if (!holdsWholeSelection(held) || !narrows(next, held.filters)) return null;
  return pageOf(sortJobs(filterJobs(held.jobs, next), next.sort), next);
}
