// Body of a GET /Job (or /Job/{id}, POST /Jobs) answer -> normalized jobs. The shape is read from the body
// itself: servers and proxies send wrong content types, and an error page must never become "zero jobs".
// Not marked server-only: `npm run parse` runs it outside Next. Pages must not import it (it pulls
// fast-xml-parser into the bundle); routes reach it through the CommCell client.

import type { Job } from "@/lib/jobs/job";
import { bodySnippet } from "./body-snippet";
import { CommCellError } from "./errors";
import { Interner } from "./interner";
import type { RawJobList } from "./job-list-tree";
import { readJsonJobList } from "./json-body";
import { normalizeJobSummary } from "./normalize";
import { readXmlJobList } from "./xml-body";

export interface JobList {
  /** `totalRecordsWithoutPaging`: the CommCell's count before paging, or the count received. */
  readonly total: number;
  readonly jobs: Job[];
  /** Records left out: `hidden` have `isVisible` false (as Commvault's SDK drops them), `unreadable` no job id. */
  readonly dropped: { readonly hidden: number; readonly unreadable: number };
}

function firstSignificantChar(body: string): { char: string; index: number } {
  for (let index = 0; index < body.length; index++) {
    const char = body[index] as string;
    // Whitespace and a byte order mark.
    if (char !== " " && char !== "\n" && char !== "\r" && char !== "\t" && char !== "\uFEFF") {
      return { char, index };
    }
  }
  return { char: "", index: body.length };
}

function readRawJobList(body: string, contentType: string | null | undefined): RawJobList {
  const { char, index } = firstSignificantChar(body);
  const content = index === 0 ? body : body.slice(index);
  if (char === "{" || char === "[") return readJsonJobList(content);
  if (char === "<") return readXmlJobList(content);
  const as = contentType ? ` (sent as ${contentType.split(";")[0]?.trim()})` : "";
  if (char === "")
    throw new CommCellError("parse", `Expected a CommCell job list but received an empty body${as}.`);
  throw new CommCellError(
    "parse",
    `Expected a CommCell job list but received plain text${as}: "${bodySnippet(content)}".`,
  );
}

/**
 * More jobs than any CommCell keeps (Commvault's largest hold a few million a year): a count above it is a
 * broken or hostile answer, and paging through it would never end.
 */
export const MAX_PLAUSIBLE_TOTAL = 100_000_000;

/**
 * Parses and normalizes a job list. Throws CommCellError (`parse` or `upstream`) for anything that is not
 * one, saying what was received.
 */
export function parseJobList(body: string, contentType?: string | null): JobList {
  const raw = readRawJobList(body, contentType);
  if (
    raw.total !== null &&
    !(Number.isSafeInteger(raw.total) && raw.total >= 0 && raw.total <= MAX_PLAUSIBLE_TOTAL)
  ) {
    throw new CommCellError(
      "parse",
      `The CommCell's job list claims ${raw.total} jobs (totalRecordsWithoutPaging), which no CommCell holds: the answer is not trusted.`,
      { code: "absurd_total" },
    );
  }
  const shared = new Interner();
  const { summaries } = raw;
  const count = summaries.length;
  const read: (Job | null)[] = new Array(count);
  let hidden = 0;
  let unreadable = 0;
  // Last record first: the tail of the raw tree is what JSON.parse made last, still in V8's young
  // generation; read and let go first, it dies there instead of being copied by the scavenges that
  // normalizing sets off (at 10,000 jobs in the parser benchmark: 98.4 -> 93.9 MB peak, 73 -> 59 ms).
  for (let i = count - 1; i >= 0; i--) {
    const job = normalizeJobSummary(summaries[i], shared);
    // Let the raw record go as soon as it is read, so raw tree and jobs are not both held in full.
    summaries[i] = undefined;
    if (job === null) unreadable++;
    else if (job.isVisible === false) hidden++;
    else {
      read[i] = job;
      continue;
    }
    read[i] = null;
  }
  // In the order received, without the records left out.
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const job = read[i] as Job | null;
    if (job !== null) read[kept++] = job;
  }
  read.length = kept;
  const jobs = read as Job[];
  const received = jobs.length + hidden + unreadable;
  return {
    total: raw.total === null ? received : Math.max(raw.total, received),
    jobs,
    dropped: { hidden, unreadable },
  };
}
