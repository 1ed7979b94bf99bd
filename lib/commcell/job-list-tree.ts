// Finds the job list in a parsed body. XML, JSON v11 and legacy JSON all come down to the same tree once
// keys are folded: an optional `JobManager_JobListResponse` root holding `totalRecordsWithoutPaging` and
// `jobs[]`, each `jobs` item holding one `jobSummary`.

import { toCount } from "./coerce";
import { reportedError } from "./error-body";
import { CommCellError } from "./errors";
import { asList, type FoldedRecord, foldRecord, isPlainObject } from "./raw-record";

export const JOB_LIST_ROOT = "JobManager_JobListResponse";
const JOB_LIST_ROOT_FOLDED = JOB_LIST_ROOT.toLowerCase();

export interface RawJobList {
  /** `totalRecordsWithoutPaging`, or null when the answer does not say. */
  readonly total: number | null;
  /** The raw `jobSummary` values, in the order received. */
  readonly summaries: unknown[];
}

/** The `jobSummary` of a `jobs` item: the exact key first (every job pays for this), then any spelling. */
function jobSummaryOf(item: unknown): unknown {
  if (!isPlainObject(item)) return undefined;
  if (Object.hasOwn(item, "jobSummary")) return item.jobSummary;
  const folded = foldRecord(item);
  return folded && "jobsummary" in folded ? folded.jobsummary : undefined;
}

/** What `onlySummaryOf` answers for an item that holds no summary or several: the rare items. */
const NOT_ONE = Symbol("not one summary");

/**
 * The one summary a `jobs` item holds, or NOT_ONE. An empty `<jobs/>` holds none; an item that is itself a
 * summary (no `jobSummary` wrapper, even an array) is one; an empty `<jobSummary/>` parses as "" and is
 * still one (an unreadable record, so it is counted).
 */
function onlySummaryOf(item: unknown): unknown {
  if (item === "" || item === null) return NOT_ONE;
  const inner = jobSummaryOf(item);
  if (inner === undefined) return item;
  return Array.isArray(inner) ? NOT_ONE : inner;
}

function summariesOf(jobs: unknown): unknown[] {
  const items = asList(jobs);
  // The parsed tree is this parse's own: each item's slot takes its summary in place, so no second array
  // of 100,000 entries is grown beside the first. An item with several summaries (or none) is rare, and
  // from there on the rest are copied into a new array.
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const only = onlySummaryOf(items[i]);
    if (only === NOT_ONE) return copiedFrom(items, kept, i);
    items[kept++] = only;
  }
  items.length = kept;
  return items;
}

/** The summaries of `items[from..]` after the `kept` already in place, in a new array. */
function copiedFrom(items: unknown[], kept: number, from: number): unknown[] {
  const summaries = items.slice(0, kept);
  for (let i = from; i < items.length; i++) {
    const only = onlySummaryOf(items[i]);
    if (only !== NOT_ONE) summaries.push(only);
    else {
      const several = jobSummaryOf(items[i]);
      if (Array.isArray(several)) for (const summary of several) summaries.push(summary);
    }
  }
  return summaries;
}

function keysOf(record: FoldedRecord): string {
  const keys = Object.keys(record).slice(0, 8);
  return keys.length === 0 ? "none" : keys.join(", ");
}

/**
 * Reads the job list out of a parsed body, or throws: `upstream` when the body is a CommCell error report,
 * `parse` when it is anything else that is not a job list. An empty object is an empty list: the Python SDK
 * treats a missing `jobs` key as "no jobs".
 */
export function jobListFromTree(tree: unknown, shape: "XML" | "JSON"): RawJobList {
  if (Array.isArray(tree)) {
    throw new CommCellError("parse", `Expected a CommCell job list but received a ${shape} array.`);
  }
  const top = foldRecord(tree);
  if (!top) {
    throw new CommCellError("parse", `Expected a CommCell job list but received a ${shape} ${typeof tree}.`);
  }
  const wrapped = top[JOB_LIST_ROOT_FOLDED];
  // `<JobManager_JobListResponse/>` parses as "", an empty list.
  const root = wrapped === undefined ? top : (foldRecord(wrapped) ?? foldRecord({}));
  if (!root) throw new CommCellError("parse", "Unreadable job list root.");

  if ("jobs" in root || "totalrecordswithoutpaging" in root || wrapped !== undefined) {
    return { total: toCount(root.totalrecordswithoutpaging), summaries: summariesOf(root.jobs) };
  }
  const reported = reportedError(root);
  if (reported) throw reported;
  if (Object.keys(root).length === 0) return { total: 0, summaries: [] };
  throw new CommCellError(
    "parse",
    `Expected a CommCell job list but received ${shape} with keys: ${keysOf(root)}.`,
  );
}
