// The dashboard's server under load, against a 100,000-job simulator in its own process: a cold one-year
// view, then 100 viewers polling one view and 100 polling different views, then 20 wall screens. Reports the
// latency of /api/jobs and /api/wall, the upstream requests they made, and the server's peak RSS.

import { join } from "node:path";
import { type LoadResult, load, poll } from "./load";
import { ensureBuild, peakRssMb, ROOT, startProcess, stopProcess } from "./processes";

const SIM_PORT = 18_881;
const SIM_ADMIN = 18_882;
/** The simulator's admin endpoint wants a bearer token (issue 11); the bench gives it one of its own. */
const SIM_ADMIN_TOKEN = `bench-${process.pid}-${Date.now()}`;
const APP_PORT = 18_880;
const APP = `http://127.0.0.1:${APP_PORT}`;

async function upstreamJobRequests(): Promise<number> {
  const state = (await (
    await fetch(`http://127.0.0.1:${SIM_ADMIN}/state`, {
      headers: { Authorization: `Bearer ${SIM_ADMIN_TOKEN}` },
    })
  ).json()) as {
    requests: Record<string, number>;
  };
  return state.requests["GET Job"] ?? 0;
}

const WINDOWS = ["1h", "24h", "7d", "30d", "1y"];
const STATUSES = [
  "",
  "&status=failed,failed_to_start",
  "&status=running,waiting,pending",
  "&q=ddb",
  "&sort=-savings",
  "&sort=elapsed",
];

async function get(path: string): Promise<boolean> {
  const response = await fetch(`${APP}${path}`);
  await response.arrayBuffer();
  return response.ok;
}

/** As a browser tab of the explorer asks: with the tag of the answer it holds, a 304 when unchanged. */
function tagged(): (path: string) => Promise<boolean> {
  const tags = new Map<string, string>();
  return async (path) => {
    const held = tags.get(path);
    const response = await fetch(`${APP}${path}`, held ? { headers: { "If-None-Match": held } } : {});
    await response.arrayBuffer();
    const etag = response.headers.get("etag");
    if (etag) tags.set(path, etag);
    return response.ok || response.status === 304;
  };
}

/** Runs a load and counts the upstream GET /Job requests (pages) it caused per second. */
async function counted(run: () => Promise<LoadResult>) {
  const before = await upstreamJobRequests();
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  return { result, upstreamPerSecond: ((await upstreamJobRequests()) - before) / seconds };
}

const POLL_MS = 1000;
const POLL_FOR_MS = 30_000;
const sameView = () => "/api/jobs?type=all&window=1y&pageSize=100";
const viewOf = (i: number) =>
  `/api/jobs?type=all&window=${WINDOWS[i % WINDOWS.length]}${STATUSES[Math.floor(i / WINDOWS.length) % STATUSES.length]}&pageSize=100`;

/** Wall screens: five differently filtered screens, four of each. */
const WALL_QUERIES = ["window=24h", "window=7d", "window=30d", "window=1y", "window=1y&agent=SQL%20Server"];
const wallOf = (i: number) => `/api/wall?type=all&${WALL_QUERIES[i % WALL_QUERIES.length]}`;

const row = (label: string, r: LoadResult, upstream: number) =>
  `| ${label} | ${r.requests} | ${r.concurrency} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.perSecond.toFixed(0)} | ${upstream.toFixed(2)} | ${r.failures} |`;

export async function runServerBench(jobs = 100_000): Promise<string> {
  ensureBuild();
  const simulator = await startProcess(
    join(ROOT, "node_modules/.bin/tsx"),
    [
      "lib/simulator/cli.ts",
      "--port",
      String(SIM_PORT),
      "--admin-port",
      String(SIM_ADMIN),
      "--jobs",
      String(jobs),
      "--start",
      "2026-11-23T22:00:00Z",
      "--admin-token",
      SIM_ADMIN_TOKEN,
    ],
    {},
    "web service root",
  );
  const app = await startProcess(
    process.execPath,
    [join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(APP_PORT), "-H", "127.0.0.1"],
    {
      NEXT_TELEMETRY_DISABLED: "1",
      COMMVAULT_URL: `http://127.0.0.1:${SIM_PORT}/SearchSvc/CVWebService.svc/`,
      COMMVAULT_USERNAME: "admin",
      COMMVAULT_PASSWORD: "admin",
      SESSION_SECRET: "bench-session-secret-0123456789abcdef",
      ALLOW_ANONYMOUS_VIEW: "true",
    },
    "Ready",
  );
  try {
    const coldStart = performance.now();
    const cold = await fetch(`${APP}/api/jobs?type=all&window=1y&pageSize=100`);
    const coldBody = (await cold.json()) as {
      total: number;
      upstream: { pages: number; durationMs: number };
    };
    const coldMs = performance.now() - coldStart;
    const afterCold = peakRssMb(app.pid as number);

    // Warm-up of every view used below, so the rows measure a warm cache.
    for (const w of WINDOWS)
      for (const s of STATUSES) await (await fetch(`${APP}/api/jobs?type=all&window=${w}${s}`)).arrayBuffer();

    const same = await counted(() => poll(100, POLL_MS, POLL_FOR_MS, () => get(sameView())));
    const viewers = Array.from({ length: 100 }, () => tagged());
    const sameTagged = await counted(() =>
      poll(100, POLL_MS, POLL_FOR_MS, (viewer) =>
        (viewers[viewer] as (path: string) => Promise<boolean>)(sameView()),
      ),
    );
    const different = await counted(() => poll(100, POLL_MS, POLL_FOR_MS, (viewer) => get(viewOf(viewer))));
    const saturated = await counted(() => load(3000, 100, (i) => get(viewOf(i))));
    for (let i = 0; i < WALL_QUERIES.length; i++) await get(wallOf(i));
    const walls = await counted(() => poll(20, POLL_MS, POLL_FOR_MS, (screen) => get(wallOf(screen))));
    const peak = peakRssMb(app.pid as number);

    return [
      `Dashboard server (next start) against the simulator with ${jobs} jobs a year, in separate processes; cache TTL 10 s.`,
      "",
      `Cold one-year view (every type): ${coldBody.total} jobs in ${coldBody.upstream.pages} upstream pages, answered in ${coldMs.toFixed(0)} ms (upstream ${coldBody.upstream.durationMs} ms); server peak RSS after it ${afterCold.toFixed(0)} MB.`,
      "",
      `Viewers poll every ${POLL_MS / 1000} s for ${POLL_FOR_MS / 1000} s (five times the default refresh floor); the last row sends back to back, for capacity. Upstream counts GET /Job pages: a whole fetch of the one-year view is 101 pages; refreshes ask only for active and newly finished jobs, and a whole fetch runs every 10 minutes.`,
      "",
      "| load (warm cache) | requests | viewers | p50 ms | p99 ms | requests/s | upstream GET /Job per s | failures |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      row("100 viewers polling one view (1 year, every type)", same.result, same.upstreamPerSecond),
      row(
        "the same, each viewer sending its answer's tag (304 when unchanged)",
        sameTagged.result,
        sameTagged.upstreamPerSecond,
      ),
      row(
        "100 viewers polling 30 views over 5 upstream queries",
        different.result,
        different.upstreamPerSecond,
      ),
      row("100 viewers back to back, 30 views", saturated.result, saturated.upstreamPerSecond),
      row("20 wall screens polling /api/wall, 5 filter sets", walls.result, walls.upstreamPerSecond),
      "",
      `Server peak RSS over the whole run: ${peak.toFixed(0)} MB.`,
    ].join("\n");
  } finally {
    stopProcess(app);
    stopProcess(simulator);
  }
}
