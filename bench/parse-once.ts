// One benchmark measurement in a process of its own, so peak RSS belongs to one path and one size.
// Usage (bundled by parser-bench.ts): node parse-once.mjs MODE FILE ITERATIONS [WARM_UP_FILE] -> prints {"ms": median, "maxRssMb": peak}

import { readFileSync, writeFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { parseJobList } from "@/lib/commcell/parse-job-list";
import { JOB_LIST_XML_OPTIONS } from "@/lib/commcell/xml-body";
import type { ParseMode } from "./parse-modes";

const RUN: Record<ParseMode, (body: string) => unknown> = {
  "json-parse": (body) => JSON.parse(body),
  "parseJobList-json": (body) => parseJobList(body, "application/json"),
  "fxp-plain": (body) => new XMLParser({ ignoreAttributes: false }).parse(body),
  "fxp-configured": (body) => new XMLParser(JOB_LIST_XML_OPTIONS).parse(body),
  "parseJobList-xml": (body) => parseJobList(body, "application/xml"),
};

/** Resets the kernel's peak-RSS mark of this process to its RSS now; false where /proc does not allow it. */
function resetPeakRss(): boolean {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** VmHWM: the peak RSS since the last reset, in MB. */
function peakRssSinceReset(): number {
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  if (!kb) throw new Error("no VmHWM in /proc/self/status");
  return Number(kb) / 1024;
}

function main(): void {
  const [mode, file, iterationsText] = process.argv.slice(2);
  if (!mode || !(mode in RUN) || !file) throw new Error("usage: parse-once.ts MODE FILE ITERATIONS");
  const body = readFileSync(file, "utf8");
  const iterations = Math.max(1, Number(iterationsText ?? 1));
  const run = RUN[mode as ParseMode];
  // A dashboard server parses pages of jobs all day: measure the code warm, as it runs there, not V8's
  // first compiles. Every mode warms up alike: 40 runs on a 1,000-job body of its own format.
  const warmUp = process.argv[5];
  if (warmUp) {
    const warmUpBody = readFileSync(warmUp, "utf8");
    for (let i = 0; i < 40; i++) run(warmUpBody);
  }
  const times: number[] = [];
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("run with --expose-gc");
  // Peak RSS is that of one parse: after a full collection the process's high-water mark is reset (Linux's
  // clear_refs), so neither the warm-up's garbage, which V8 collects lazily and which counted against
  // whichever path made more of it, nor the timed repeats after it are in the figure.
  collect();
  const resetPeak = resetPeakRss();
  let start = performance.now();
  let keep: unknown = run(body);
  times.push(performance.now() - start);
  const maxRssMb = resetPeak ? peakRssSinceReset() : process.resourceUsage().maxRSS / 1024;
  // Further runs back to back, keeping the latest result, as a polling server does.
  for (let i = 1; i < iterations; i++) {
    start = performance.now();
    keep = run(body);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  // The lower middle for an even count: one slow outlier (a GC) should not be the result.
  const ms = times[Math.floor((times.length - 1) / 2)] ?? 0;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb, kept: keep !== undefined })}\n`);
}

main();
