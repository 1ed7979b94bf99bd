// The simulator under load: GET /Job over a 100,000-job CommCell with a one-year lookup, pages of 1,000,
// one at a time and 16 at once. The simulator runs in its own process, as `npm run simulator` runs it.

import { join } from "node:path";
import { signInAt } from "@/lib/simulator/testing";
import { type LoadResult, load } from "./load";
import { ROOT as ROOT_DIR, startProcess, stopProcess } from "./processes";

const PORT = 18_781;
const ROOT = `http://127.0.0.1:${PORT}/SearchSvc/CVWebService.svc/`;

function startSimulator(jobs: number) {
  return startProcess(
    join(ROOT_DIR, "node_modules/.bin/tsx"),
    [
      "lib/simulator/cli.ts",
      "--port",
      String(PORT),
      "--jobs",
      String(jobs),
      "--start",
      "2026-11-23T22:00:00Z",
    ],
    {},
    "web service root",
  );
}

const row = (label: string, r: LoadResult) =>
  `| ${label} | ${r.requests} | ${r.concurrency} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${r.perSecond.toFixed(1)} | ${r.failures} |`;

export async function runSimulatorBench(jobs = 100_000): Promise<string> {
  const child = await startSimulator(jobs);
  try {
    const token = await signInAt(ROOT);
    // Pages spread over the whole year; JSON, as the dashboard asks.
    const send = (format: "json" | "xml") => async (index: number) => {
      const offset = (index * 7919) % (jobs - 1000);
      const response = await fetch(`${ROOT}Job?jobFilter=&completedJobLookupTime=31536000`, {
        headers: {
          Authtoken: token,
          limit: "1000",
          offset: String(offset),
          ...(format === "json" ? { Accept: "application/json" } : {}),
        },
      });
      await response.arrayBuffer();
      return response.ok;
    };
    await load(10, 2, send("json")); // warm-up: the year's days are made on first use
    const results = [
      row("JSON, one at a time", await load(100, 1, send("json"))),
      row("JSON, 16 at once", await load(400, 16, send("json"))),
      row("XML, 16 at once", await load(200, 16, send("xml"))),
    ];
    return [
      `GET /Job, ${jobs} jobs a year, completedJobLookupTime one year, pages of 1,000 (latency in ms):`,
      "",
      "| load | requests | concurrency | p50 | p99 | max | requests/s | failures |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      ...results,
    ].join("\n");
  } finally {
    stopProcess(child);
  }
}
