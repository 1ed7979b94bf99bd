// What a person waits for in the browser: the first-load JavaScript of /jobs (gzipped, as the network
// carries it; Next 16 no longer prints it), and the time from a filter change to rendered rows with
// 10,000 jobs in view, in Debian's Chromium.

import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";
import { percentile } from "./load";
import { startApp, stopProcess } from "./processes";

const PORT = 18_980;
const APP = `http://127.0.0.1:${PORT}`;
async function firstLoadKb(path: string): Promise<number> {
  const html = await (await fetch(`${APP}${path}`)).text();
  const scripts = [
    ...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1] as string)),
  ];
  let bytes = 0;
  for (const src of scripts)
    bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, APP))).arrayBuffer())).length;
  return bytes / 1024;
}

export async function runPagesBench(): Promise<string> {
  const app = await startApp(PORT, {
    SIMULATOR_PORT: "18981",
    SIMULATOR_ADMIN_PORT: "18982",
    SIMULATOR_JOBS: "24000",
    SIMULATOR_START: "2026-11-23T22:00:00Z",
    SIMULATOR_TIME_WARP: "0.000001",
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const jobsKb = await firstLoadKb("/jobs");
    const homeKb = await firstLoadKb("/");
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`${APP}/jobs?type=all&window=1y&pageSize=10000`);
    await page.waitForSelector("tbody tr[data-job-id]", { timeout: 120_000 });
    const times: number[] = [];
    // Alternate between two views of 10,000 rows each, both already in the server's cache after the first.
    for (let i = 0; i < 10; i++) {
      const sort = i % 2 === 0 ? "Elapsed" : "Job";
      const started = performance.now();
      const before = await page.locator("tbody tr[data-job-id]").first().getAttribute("data-job-id");
      await page.getByRole("button", { name: sort, exact: true }).click();
      await page.waitForFunction(
        (previous) =>
          document.querySelector("tbody tr[data-job-id]")?.getAttribute("data-job-id") !== previous,
        before,
        { timeout: 60_000 },
      );
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const rendered = await page.locator("tbody tr[data-job-id]").count();
    return [
      `First-load JavaScript (gzip, scripts the HTML references): /jobs ${jobsKb.toFixed(0)} KB (budget 200 KB), / ${homeKb.toFixed(0)} KB.`,
      "",
      `Filter change to rendered rows, 10,000 jobs in view (sort toggled by a header click, 10 times; ${rendered} rows in the DOM thanks to virtualization): p50 ${percentile(times, 50).toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms.`,
    ].join("\n");
  } finally {
    await browser.close();
    stopProcess(app);
  }
}
