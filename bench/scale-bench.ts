// Several instances sharing one Redis (issue 16): 3 instances x 100 viewers polling one one-year view every
// second against one simulator, beside one instance with 100 viewers. Upstream GET /Job pages per TTL with
// Redis should match one instance's, not triple it; the viewers' p50/p99 are given with and without Redis.

import { startCluster } from "../e2e/cluster";
import { poll } from "./load";
import { ensureBuild } from "./processes";

const VIEWERS = 100;
const SECONDS = 30;
const TTL_SECONDS = 2;
const VIEW = "/api/jobs?type=all&window=1y&pageSize=100";

async function run(ports: number[], shared: boolean, viewers: number) {
  const cluster = await startCluster({
    ports,
    jobs: 100_000,
    shared,
    env: { CACHE_TTL_SECONDS: String(TTL_SECONDS) },
  });
  try {
    // Warm: the first one-year fetch is what the cold bench measures; here, the steady state.
    await Promise.all(
      cluster.origins.map((origin) => fetch(`${origin}${VIEW}`).then((r) => r.arrayBuffer())),
    );
    const before = (await cluster.simulatorState()).requests["GET Job"] ?? 0;
    const result = await poll(viewers, 1000, SECONDS * 1000, async (viewer) => {
      const origin = cluster.origins[viewer % cluster.origins.length] as string;
      const response = await fetch(`${origin}${VIEW}`);
      await response.arrayBuffer();
      return response.ok;
    });
    const pages = ((await cluster.simulatorState()).requests["GET Job"] ?? 0) - before;
    return { result, pagesPerTtl: pages / (SECONDS / TTL_SECONDS) };
  } finally {
    await cluster.stop();
  }
}

export async function runScaleBench(): Promise<string> {
  ensureBuild();
  const one = await run([3140], true, VIEWERS);
  const shared = await run([3141, 3142, 3143], true, 3 * VIEWERS);
  const alone = await run([3144, 3145, 3146], false, 3 * VIEWERS);
  const row = (label: string, r: Awaited<ReturnType<typeof run>>, target: string) =>
    `| ${label} | ${r.result.requests} | ${r.result.p50.toFixed(1)} | ${r.result.p99.toFixed(1)} | ${r.result.failures} | ${r.pagesPerTtl.toFixed(2)} | ${target} |`;
  const met = shared.pagesPerTtl <= one.pagesPerTtl * 1.5 ? "met" : "MISSED";
  return [
    `100,000 jobs a year; viewers poll ${VIEW} every second for ${SECONDS} s; cache TTL ${TTL_SECONDS} s; instances, Redis and simulator on this machine.`,
    "",
    "| setup | requests | p50 ms | p99 ms | failures | upstream pages per TTL | target |",
    "|---|---:|---:|---:|---:|---:|---|",
    row("1 instance, 100 viewers", one, "the baseline"),
    row("3 instances + Redis, 300 viewers", shared, `pages per TTL at most 1.5x one instance's: ${met}`),
    row(
      "3 instances alone (no REDIS_URL), 300 viewers",
      alone,
      "for comparison: each instance fetches for itself",
    ),
    "",
    `p99 of 3 instances x 100 viewers: ${shared.result.p99.toFixed(1)} ms with Redis, ${alone.result.p99.toFixed(1)} ms without (2 cores shared by the servers, Redis and the simulator).`,
  ].join("\n");
}
