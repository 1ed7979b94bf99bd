// Bodies built to make a parser quadratic, at two sizes: time must grow with the size (ratio about 2 for
// twice the bytes, about 1 where the work is bounded), not with its square (ratio 4). Issue 11, finding 9;
// issue 35, finding 2.

import { htmlTitle } from "@/lib/commcell/body-snippet";
import { checkXmlStructure } from "@/lib/commcell/xml-structure";
import { splitPendingReason } from "@/lib/jobs/pending-reason";
import { classifyReason } from "@/lib/jobs/reason-class";

const MB = 1024 * 1024;

/** Many `<!x>` declarations inside the root, and no `[` anywhere. */
function bangTags(bytes: number): string {
  return `<JobManager_JobListResponse>${"<!x>".repeat(Math.floor(bytes / 4))}</JobManager_JobListResponse>`;
}
/** A pending reason of long runs of spaces without a "Source:". */
function spacedReason(bytes: number): string {
  return `a${" ".repeat(bytes / 2)}b${" ".repeat(bytes / 2)}c`;
}

/** A reason of "waiting on a " repeated: an unbounded gap before "action" backtracked over all of it. */
function waitingReason(bytes: number): string {
  return "waiting on a ".repeat(Math.floor(bytes / 13));
}
/** An error page of "<title" repeated and no ">": an unbounded [^>]* scanned to its end from each. */
function titleless(bytes: number): string {
  return "<title".repeat(Math.floor(bytes / 6));
}
/** Runs `work` a hundred times: a bounded scan takes microseconds, too short to time once. */
const hundredTimes = (work: (text: string) => unknown) => (text: string) => {
  for (let i = 0; i < 100; i++) work(text);
};

// The fastest of many runs: what the work costs when nothing else (a GC of the last run's strings, the
// other core's load) lands in it. With the median of five, runs a few milliseconds long swung enough to
// move the ratio of the same code from 1.26 to 3.04 between two runs (the 1.5 MB body 3.6 ms, then 1.5).
// The two sizes take turns, so that a machine slowing for a while slows both: timed one size after the
// other, the 1.5 MB body's 21 runs once fell in a fast second and the 3 MB body's in a slow one (0.7 ms
// against 2.9, ratio 3.94, while the XML row of the same run doubled too).
function timeBoth(small: () => void, large: () => void): [number, number] {
  small();
  large();
  let fastestSmall = Number.POSITIVE_INFINITY;
  let fastestLarge = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 41; i++) {
    let started = performance.now();
    small();
    fastestSmall = Math.min(fastestSmall, performance.now() - started);
    started = performance.now();
    large();
    fastestLarge = Math.min(fastestLarge, performance.now() - started);
  }
  return [fastestSmall, fastestLarge];
}

export function runAdversarialBench(): string {
  const rows = [
    ["XML `<!x>` declarations (xml-structure)", (bytes: number) => bangTags(bytes), checkXmlStructureOf],
    [
      "pending reason of spaces (pending-reason)",
      spacedReason,
      (text: string) => void splitPendingReason(text),
    ],
    ["reason of repeated 'waiting on a ' (reason-class) x100", waitingReason, hundredTimes(classifyReason)],
    ["HTML of repeated '<title' (body-snippet) x100", titleless, hundredTimes(htmlTitle)],
  ] as const;
  const lines = ["| body | 1.5 MB | 3 MB | ratio 3 MB / 1.5 MB | target |", "|---|---:|---:|---:|---|"];
  for (const [name, make, parse] of rows) {
    const small = make(1.5 * MB);
    const large = make(3 * MB);
    const [a, b] = timeBoth(
      () => parse(small),
      () => parse(large),
    );
    const ratio = b / a;
    lines.push(
      `| ${name} | ${a.toFixed(1)} ms | ${b.toFixed(1)} ms | ${ratio.toFixed(2)} | ≤ 2.5 (linear; quadratic is 4) ${ratio <= 2.5 ? "met" : "MISSED"} |`,
    );
  }
  return lines.join("\n");
}

function checkXmlStructureOf(body: string): void {
  checkXmlStructure(body, "jobs");
}
