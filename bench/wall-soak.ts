// The wall display left running: 1,000 refresh cycles against a time-warped simulator whose jobs start, run
// and fail meanwhile, with the page's JS heap and DOM size read over the Chrome DevTools protocol after
// forced garbage collections. A cycle is one answer of /api/wall the page receives: its poll (refresh=1 s,
// the shortest the server allows here) or a refresh the push channel announced, so about two a second.
// Counting answers rather than seconds is the stricter reading: each answer is drawn, and cycle 100 comes
// sooner. Targets: heap growth from cycle 100 to the end under 5 %, and, in a soak of 5,000 cycles, no
// slope over the second half (a leak keeps growing there; warming up has stopped by then). Real time, no
// fake timers: what a TV does, only faster.

import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";
import { type HeapSplit, heapSplit } from "./heap-split";
import { startApp, stopProcess } from "./processes";
import { target, targetTable } from "./targets";

const PORT = 18_990;
const SOAK_START = "2026-11-23T22:00:00Z";
const APP = `http://127.0.0.1:${PORT}`;

const pct = (to: number, from: number) => {
  const growth = ((to - from) / from) * 100;
  return `${growth >= 0 ? "+" : ""}${growth.toFixed(1)} %`;
};

// Least-squares slope of heap against cycles, as a share of the first point's heap per 1,000 cycles: one
// figure that a sample's noise (a chart redrawn, a GC's timing) moves far less than two end points do; and
// its standard error, which says how much of it that noise alone could make.
export function slopePerThousand(
  points: readonly { cycle: number; heapMb: number }[],
): { slope: number; standardError: number } | null {
  if (points.length < 3) return null;
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.cycle, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.heapMb, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.cycle - meanX) * (p.heapMb - meanY);
    variance += (p.cycle - meanX) ** 2;
  }
  const perCycle = covariance / variance;
  let residuals = 0;
  for (const p of points) residuals += (p.heapMb - meanY - perCycle * (p.cycle - meanX)) ** 2;
  const scale = (1000 / (points[0]?.heapMb ?? 1)) * 100;
  return { slope: perCycle * scale, standardError: Math.sqrt(residuals / (n - 2) / variance) * scale };
}

/**
 * The soak that carries the no-slope target. Over the second half of 1,000 cycles (six samples) a heap
 * that swings a few percent with what the wall shows gives a slope whose noise alone is several percent
 * per 1,000 cycles: such a run cannot tell a 1 % leak from none, so it reports the slope without judging it.
 */
export const SLOPE_SOAK_CYCLES = 5000;

/** Samples per point of the heap curve, each after its own answer; the point is their median. */
const SAMPLES_PER_POINT = 3;

/** The element whose `key` is the median (the lower middle for an even count). */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  if (items.length === 0) throw new Error("no samples");
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}

const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(2)}`;

export async function runWallSoak(cycles: number): Promise<string> {
  const app = await startApp(PORT, {
    SIMULATOR_PORT: "18991",
    SIMULATOR_ADMIN_PORT: "18992",
    SIMULATOR_JOBS: "20000",
    // A simulated minute per second: jobs start, progress, fail and finish between refreshes.
    SIMULATOR_TIME_WARP: "60",
    // The same simulated hours in every run, from the start of the nightly backups: started at the real
    // time, what the wall showed (and so what it ran) depended on the hour the bench was run.
    SIMULATOR_START: SOAK_START,
    CACHE_TTL_SECONDS: "1",
    REFRESH_FLOOR_SECONDS: "1",
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const sampleOnce = async () => {
      // After the answer just received has been drawn: measured straight on its arrival, the heap held
      // whatever that answer's handling had in flight (its body, the render under way). In the
      // 1,000-cycle run of 3d884dc two measurements with no answer between them read 9.27 and 9.71 MB,
      // and neighbouring points 100 cycles apart swung by up to 0.6 MB.
      await page.evaluate(
        () =>
          new Promise<void>((resolve) =>
            requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 500 })),
          ),
      );
      // Twice: one collection left a few hundred KB of what it freed in the figure now and then.
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
      return {
        heapMb: value("JSHeapUsedSize") / 1024 / 1024,
        nodes: value("Nodes"),
        listeners: value("JSEventListeners"),
      };
    };
    let answers = 0;
    let failures = 0;
    let unchanged = 0;
    page.on("response", (response) => {
      if (!response.url().includes("/api/wall")) return;
      answers++;
      // A 304 is an answer: the summary the screen holds is still the server's.
      if (response.status() === 304) unchanged++;
      else if (!response.ok()) failures++;
    });
    const loadedAt = Date.now();
    await page.goto(`${APP}/wall?type=all&window=24h&refresh=1`);
    await page.waitForSelector("[data-testid=savings-chart]", { timeout: 120_000 });
    const waitFor = async (count: number) => {
      while (answers < count)
        await page.waitForResponse((r) => r.url().includes("/api/wall"), { timeout: 30_000 });
    };
    // One point of the curve: the median of samples after SAMPLES_PER_POINT answers in a row, so that
    // a single sample's noise (what the answer of that second happened to make) does not decide it.
    const measure = async (afterAnswers: number) => {
      const samples: Awaited<ReturnType<typeof sampleOnce>>[] = [];
      for (let i = 0; i < SAMPLES_PER_POINT; i++) {
        await waitFor(afterAnswers + i);
        samples.push(await sampleOnce());
      }
      return medianBy(samples, (sample) => sample.heapMb);
    };
    // Warm-up: code loaded, caches filled, the chart drawn a few times.
    const start = await measure(20);
    const startedAt = Date.now();
    const samples: string[] = [];
    const heaps: { cycle: number; heapMb: number }[] = [];
    let afterHundred: number | null = null;
    let splitAtHundred: HeapSplit | null = null;
    let last = start;
    for (let done = 100; done <= cycles; done += 100) {
      const sample = await measure(20 + done);
      last = sample;
      if (done === 100) {
        afterHundred = sample.heapMb;
        splitAtHundred = await heapSplit(cdp);
      }
      heaps.push({ cycle: done, heapMb: sample.heapMb });
      samples.push(`| ${done} | ${sample.heapMb.toFixed(2)} | ${sample.nodes} | ${sample.listeners} |`);
    }
    // The last point of the curve is the end: measured again, it would be another draw of the same.
    const end = last;
    const splitAtEnd = await heapSplit(cdp);
    const minutes = (Date.now() - startedAt) / 60_000;
    const stale = await page.getByTestId("stale-banner").count();
    const secondHalf = heaps.filter((point) => point.cycle >= cycles / 2);
    const slope = slopePerThousand(secondHalf);
    return [
      `${cycles} refresh cycles after 20 to warm up, a cycle being an answer of /api/wall (a poll every second or a pushed refresh: ${(answers / ((Date.now() - loadedAt) / 1000)).toFixed(1)} a second here), simulator at 60x time from ${SOAK_START}, 1920x1080, ${minutes.toFixed(1)} min; each point the median of ${SAMPLES_PER_POINT} samples after ${SAMPLES_PER_POINT} answers in a row, each sample once the answer was drawn and the heap collected; ${answers} answers, ${unchanged} of them 304 (the summary held was current), ${failures} failed; stale banner at the end: ${stale ? "yes" : "no"}.`,
      "",
      targetTable([
        target(
          "JS heap after GC, from cycle 100 to the end",
          afterHundred === null
            ? "n/a"
            : `${pct(end.heapMb, afterHundred)} (${afterHundred.toFixed(2)} -> ${end.heapMb.toFixed(2)} MB)`,
          "< +5 %",
          afterHundred !== null && (end.heapMb - afterHundred) / afterHundred < 0.05,
        ),
        ...(cycles >= SLOPE_SOAK_CYCLES
          ? [
              target(
                `heap slope over the second half (cycles ${cycles / 2}-${cycles}), least squares`,
                slope === null
                  ? "n/a (too few samples)"
                  : `${signed(slope.slope)} ± ${slope.standardError.toFixed(2)} % per 1,000 cycles`,
                "< +1 % per 1,000 cycles",
                slope !== null && slope.slope < 1,
              ),
            ]
          : []),
        target("failed answers", String(failures), "0", failures === 0),
        target("stale banner at the end", stale ? "shown" : "not shown", "not shown", !stale),
      ]),
      "",
      ...(cycles < SLOPE_SOAK_CYCLES && slope !== null
        ? [
            `Heap slope over the second half (cycles ${cycles / 2}-${cycles}), least squares: ${signed(slope.slope)} ± ${slope.standardError.toFixed(2)} % per 1,000 cycles (standard error). Not a target in a run of ${cycles} cycles, whose noise alone is that large: the ${SLOPE_SOAK_CYCLES.toLocaleString("en-US")}-cycle soak (\`--cycles ${SLOPE_SOAK_CYCLES}\`, wall-${SLOPE_SOAK_CYCLES}.md) carries the no-slope target.`,
            "",
          ]
        : []),
      ...(splitAtHundred
        ? [
            `What grew, from heap snapshots at cycle 100 and at the end (not a target; Blink's objects left out): objects the page keeps ${splitAtHundred.objectsMb.toFixed(2)} -> ${splitAtEnd.objectsMb.toFixed(2)} MB (${pct(splitAtEnd.objectsMb, splitAtHundred.objectsMb)}), code V8 compiled for it ${splitAtHundred.codeMb.toFixed(2)} -> ${splitAtEnd.codeMb.toFixed(2)} MB (${pct(splitAtEnd.codeMb, splitAtHundred.codeMb)}). A leak is in the first; the second grows while the engine compiles code run a few times per answer to higher tiers (React's work per commit among it), which V8 does after some hundreds of runs.`,
            "",
          ]
        : []),
      // A leak grows with every cycle; warming up (compiled code, first chart draws) stops early.
      `From the start (warm-up included, not a target): ${pct(end.heapMb, start.heapMb)}. DOM nodes ${start.nodes} -> ${end.nodes}, listeners ${start.listeners} -> ${end.listeners}.`,
      "",
      "| cycles | heap MB | DOM nodes | listeners |",
      "| ---: | ---: | ---: | ---: |",
      `| 0 | ${start.heapMb.toFixed(2)} | ${start.nodes} | ${start.listeners} |`,
      ...samples,
    ].join("\n");
  } finally {
    await browser.close();
    stopProcess(app);
  }
}
