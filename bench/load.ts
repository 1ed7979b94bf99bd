// Small HTTP load generators, on loopback only and bounded in count or time, so they always stop:
// `load` sends requests back to back at a fixed concurrency (capacity); `poll` has each viewer ask, wait
// for the answer, and ask again after an interval, as a dashboard open in a browser does (latency).

export interface LoadResult {
  readonly requests: number;
  readonly concurrency: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly perSecond: number;
  readonly failures: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

function summary(latencies: number[], concurrency: number, seconds: number, failures: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    concurrency,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
    perSecond: latencies.length / seconds,
    failures,
  };
}

export async function load(
  requests: number,
  concurrency: number,
  send: (index: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests) {
      const index = next++;
      const t = performance.now();
      const ok = await send(index).catch(() => false);
      latencies.push(performance.now() - t);
      if (!ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summary(latencies, concurrency, (performance.now() - started) / 1000, failures);
}

export async function poll(
  viewers: number,
  intervalMs: number,
  durationMs: number,
  send: (viewer: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const viewer = async (index: number) => {
    // Viewers start spread over one interval, as people open the page at different moments.
    await new Promise((resolve) => setTimeout(resolve, (intervalMs * index) / viewers));
    while (performance.now() - started < durationMs) {
      const t = performance.now();
      const ok = await send(index).catch(() => false);
      const took = performance.now() - t;
      latencies.push(took);
      if (!ok) failures++;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - took)));
    }
  };
  await Promise.all(Array.from({ length: viewers }, (_, index) => viewer(index)));
  return summary(latencies, viewers, (performance.now() - started) / 1000, failures);
}

/**
 * Requests sent at a fixed rate for `seconds`, whatever the pace of the answers (an open loop, as many
 * independent clients are): each latency counts from when the request was due, so a server falling behind
 * shows it instead of slowing the sender down.
 */
export async function atRate(
  rate: number,
  seconds: number,
  send: (index: number) => Promise<boolean>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const total = Math.round(rate * seconds);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      send(i)
        .catch(() => false)
        .then((ok) => {
          latencies.push(performance.now() - due);
          if (!ok) failures++;
        }),
    );
  }
  await Promise.all(inFlight);
  return summary(latencies, rate, (performance.now() - started) / 1000, failures);
}

export const CAPACITY_RATES = [25, 50, 100, 200, 400, 800, 1600] as const;

/**
 * The highest of CAPACITY_RATES (requests/s) an endpoint holds for `seconds` with p99 under `p99Ms` and no
 * failure; 0 when it holds none. Stops at the first rate it does not hold.
 */
export async function capacity(
  send: (index: number) => Promise<boolean>,
  p99Ms = 100,
  seconds = 4,
): Promise<number> {
  let held = 0;
  for (const rate of CAPACITY_RATES) {
    const result = await atRate(rate, seconds, send);
    if (result.p99 >= p99Ms || result.failures > 0) break;
    held = rate;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return held;
}
