// One benchmark measurement in a process of its own, so peak RSS belongs to one path and one size.
// Usage (bundled by parser-bench.ts): node parse-once.mjs MODE FILE ITERATIONS [WARM_UP_FILE] -> prints {"ms": median, "maxRssMb": peak}

import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import { parseJobList } from "@/lib/commcell/parse-job-list";
import { JOB_LIST_XML_OPTIONS } from "@/lib/commcell/xml-body";
import type { ParseMode } from "./parse-modes";

const RUN: Record<ParseMode, (body: string) => unknown> = {
  "json-parse": (body) => JSON.parse(body),
  "parseJobList-json": (body) => parseJobList(body, "application/json"),
  // fast-xml-parser on its own, with the options the dashboard uses (attributes on, values as strings).
  "fxp-parse": (body) => new XMLParser(JOB_LIST_XML_OPTIONS).parse(body),
  "parseJobList-xml": (body) => parseJobList(body, "application/xml"),
};

function main(): void {
  const [mode, file, iterationsText] = process.argv.slice(2);
  if (!mode || !(mode in RUN) || !file) throw new Error("usage: parse-once.ts MODE FILE ITERATIONS");
  const body = readFileSync(file, "utf8");
  const iterations = Math.max(1, Number(iterationsText ?? 1));
  const run = RUN[mode as ParseMode];
  // A dashboard server parses all day: measure warm code, as it runs there, not V8's first compile.
  // Every mode warms up alike, on a small body of its own format.
  const warmUp = process.argv[5];
  if (warmUp) for (let i = 0; i < 5; i++) run(readFileSync(warmUp, "utf8"));
  const times: number[] = [];
  let keep: unknown;
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    keep = run(body);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  // The lower middle for an even count: one slow outlier (a GC) should not be the result.
  const ms = times[Math.floor((times.length - 1) / 2)] ?? 0;
  // The result stays referenced until here, so the peak includes what each path keeps.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb, kept: keep !== undefined })}\n`);
}

main();
