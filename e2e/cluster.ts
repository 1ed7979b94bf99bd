// Several `next start` instances behind no balancer at all (each on its own loopback port), one Redis and
// one simulator: what the scale-out spec and the scale bench start. The build must exist (npm run build).

import { type ChildProcess, spawn } from "node:child_process";
import { type RunningSimulator, startSimulator } from "../lib/simulator/http/server";
import { DEFAULT_OPTIONS } from "../lib/simulator/options";
import { TestRedis } from "../lib/test/redis-server";

export interface Cluster {
  readonly redis: TestRedis;
  readonly simulator: RunningSimulator;
  readonly origins: readonly string[];
  simulatorState(): Promise<{ logins: number; requests: Record<string, number> }>;
  /** Moves the simulator's clock on (it barely moves by itself), so that running jobs change. */
  advanceClock(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

async function healthy(origin: string, ms = 90_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    try {
      if ((await fetch(`${origin}/api/health`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${origin} did not start`);
}

export async function startCluster(options: {
  readonly ports: readonly number[];
  readonly jobs?: number;
  /** Without Redis: each instance alone (the baseline to compare with). */
  readonly shared?: boolean;
  readonly env?: Record<string, string>;
}): Promise<Cluster> {
  const redis = await TestRedis.start();
  const simulator = await startSimulator({
    ...DEFAULT_OPTIONS,
    port: 0,
    adminPort: 0,
    host: "127.0.0.1",
    jobs: options.jobs ?? 20_000,
    clients: 60,
    start: Date.UTC(2026, 10, 23, 22, 0) / 1000,
    timeWarp: 1e-6,
  });
  const children: ChildProcess[] = [];
  const origins = options.ports.map((port) => `http://127.0.0.1:${port}`);
  for (const port of options.ports) {
    children.push(
      spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
        env: {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: "1",
          COMMVAULT_URL: simulator.url,
          COMMVAULT_USERNAME: "admin",
          COMMVAULT_PASSWORD: "admin",
          ALLOW_ANONYMOUS_VIEW: "true",
          SESSION_SECRET: "cluster-session-secret-0123456789abcdef",
          CACHE_TTL_SECONDS: "2",
          REFRESH_FLOOR_SECONDS: "1",
          ...(options.shared === false ? {} : { REDIS_URL: redis.url }),
          ...options.env,
        },
        stdio: "ignore",
        detached: true,
      }),
    );
  }
  await Promise.all(origins.map((origin) => healthy(origin)));
  return {
    redis,
    simulator,
    origins,
    async simulatorState() {
      const response = await fetch(new URL("state", simulator.adminUrl), {
        headers: { Authorization: `Bearer ${simulator.adminToken}` },
      });
      return (await response.json()) as { logins: number; requests: Record<string, number> };
    },
    async advanceClock(seconds) {
      const response = await fetch(new URL("clock/advance", simulator.adminUrl), {
        method: "POST",
        headers: { Authorization: `Bearer ${simulator.adminToken}`, "Content-Type": "application/json" },
        body: JSON.stringify({ seconds }),
      });
      if (!response.ok) throw new Error(`clock/advance: HTTP ${response.status}`);
    },
    async stop() {
      for (const child of children) {
        try {
          if (child.pid) process.kill(-child.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
      await simulator.close();
      await redis.stop();
    },
  };
}

/** `viewers` clients polling `path` every `everyMs` for `forMs`, spread over the origins; every status seen. */
export async function poll(
  origins: readonly string[],
  path: string,
  viewers: number,
  everyMs: number,
  forMs: number,
): Promise<{ statuses: Map<number, number>; latencies: number[] }> {
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const until = Date.now() + forMs;
  await Promise.all(
    Array.from({ length: viewers }, async (_, viewer) => {
      const origin = origins[viewer % origins.length] as string;
      while (Date.now() < until) {
        const started = performance.now();
        let status = 0;
        try {
          const response = await fetch(`${origin}${path}`);
          await response.arrayBuffer();
          status = response.status;
        } catch {
          status = 0;
        }
        latencies.push(performance.now() - started);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
    }),
  );
  return { statuses, latencies };
}
