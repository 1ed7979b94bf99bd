// The wall display against the embedded simulator: fits 1080p and 4K with no scrollbar, says how old its
// data is when the CommCell fails and clears when it recovers, rotates, and captions what it covers.

import type { Page, TestInfo } from "@playwright/test";
import type { WallSummary } from "../lib/jobs/wall-summary";
import { DISPLAY_KEY, PRIVATE_PORT } from "../playwright.config";
import { expect, test } from "./fixtures";
import { countRenders, drawsOverTwoTicks, rendersOf } from "./render-count";
import { advanceClock, jobAction, resetFaults, setFaults } from "./simulator";

test.afterEach(async () => {
  await resetFaults();
});

/** Everything that could scroll or be cut off: the page itself and every panel. */
async function overflows(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement as HTMLElement;
    if (root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth)
      found.push(
        `page ${root.scrollWidth}x${root.scrollHeight} in ${window.innerWidth}x${window.innerHeight}`,
      );
    for (const element of document.querySelectorAll<HTMLElement>("[data-panel], [data-panel] ul")) {
      if (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)
        found.push(
          `${element.dataset.panel ?? element.getAttribute("aria-label")} ${element.scrollWidth}x${element.scrollHeight} in ${element.clientWidth}x${element.clientHeight}`,
        );
      // Nothing inside a panel reaches past its bottom edge.
      const box = element.getBoundingClientRect();
      for (const child of element.querySelectorAll("li"))
        if (child.getBoundingClientRect().bottom > box.bottom + 1)
          found.push(`row below ${element.dataset.panel}`);
    }
    return found;
  });
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

for (const [width, height] of [
  [1920, 1080],
  [3840, 2160],
] as const) {
  test(`fits ${width}x${height} with every panel and no scrollbar`, async ({
    page,
    consoleErrors,
  }, testInfo) => {
    await page.setViewportSize({ width, height });
    // A year of every job type: thousands of failures and more active jobs than any screen holds.
    await page.goto("/wall?type=all&window=1y");
    await expect(page.getByRole("list", { name: "Failed jobs, newest first" })).toBeVisible();
    await expect(page.getByTestId("savings-chart")).toBeVisible();
    await expect(page.locator("[data-panel=failures] [data-testid=more]")).toContainText(/^\+\d+ more$/);
    expect(await overflows(page)).toEqual([]);
    // Key numbers readable from across a room: at least 48 px at 1080p, and as large again at 4K.
    const sizes = await page
      .getByTestId("tile-value")
      .evaluateAll((elements) =>
        elements.map((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
      );
    expect(sizes.length).toBe(8);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(48 * (height / 1080));
    // "+N more" plus the rows shown account for every failure.
    const shown = await page.locator("[data-panel=failures] li[data-job-id]").count();
    const more = Number(
      (await page.locator("[data-panel=failures] [data-testid=more]").textContent())?.match(/\d+/)?.[0],
    );
    const api = await (await page.request.get("/api/wall?type=all&window=1y")).json();
    expect(shown + more).toBe(api.summary.failures.total);
    await screenshot(page, testInfo, `wall-${width}x${height}`);
    expect(consoleErrors).toEqual([]);
  });
}

test("the tiles show what the server counted for the same filters", async ({ page }) => {
  await page.goto("/wall?type=all&window=7d&panels=tiles");
  const api = await (await page.request.get("/api/wall?type=all&window=7d")).json();
  await expect(page.locator("[data-tile=running] [data-testid=tile-value]")).toHaveText(
    String(api.summary.tiles.running),
  );
  await expect(page.locator("[data-tile=failed] [data-testid=tile-value]")).toHaveText(
    String(api.summary.tiles.failed),
  );
  await expect(page.locator("[data-tile=completed] [data-testid=tile-value]")).toHaveText(
    String(api.summary.tiles.completed),
  );
});

test("the caption says what the URL covers, and the title is the URL's", async ({ page }) => {
  await page.goto("/wall?type=backup,restore&window=7d&clientGroup=London&title=Ops%20%3Cb%3Eroom%3C%2Fb%3E");
  await expect(page.getByTestId("caption")).toHaveText("Backup, Restore · last 7d · client group London");
  // Shown as text, never as markup.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ops <b>room</b>");
  await expect(page).toHaveTitle("Ops <b>room</b> · CommCell Job Monitor");
});

test("after two missed refreshes a banner says how old the data is; it clears on recovery", async ({
  page,
}) => {
  await page.goto("/wall?type=all&window=24h&refresh=1");
  await expect(page.getByTestId("updated")).toContainText("updated");
  await expect(page.getByTestId("stale-banner")).toHaveCount(0);
  await setFaults({ errorRate: 1 });
  const banner = page.getByTestId("stale-banner");
  await expect(banner).toContainText(/Data is \d+ (s|min) old/, { timeout: 20_000 });
  await expect(page.getByTestId("wall-body")).toHaveAttribute("data-stale", "true");
  // The rows stay, dimmed: a TV shows the last thing it knew, saying how old it is.
  await expect(page.getByRole("list", { name: "Failed jobs, newest first" })).toBeVisible();
  await resetFaults();
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId("wall-body")).not.toHaveAttribute("data-stale", "true");
});

test("a dead dashboard server is a missed refresh too", async ({ page }) => {
  await page.goto("/wall?type=all&window=24h&refresh=1");
  await expect(page.getByTestId("updated")).toContainText("updated");
  await page.route("**/api/wall**", (route) => route.abort("connectionrefused"));
  await expect(page.getByTestId("stale-banner")).toContainText("could not be reached", { timeout: 20_000 });
  await page.unroute("**/api/wall**");
  await expect(page.getByTestId("stale-banner")).toHaveCount(0, { timeout: 20_000 });
});

test("rotates between the panels every N seconds, the tiles staying", async ({ page }) => {
  await page.goto("/wall?panels=tiles,failures,active&rotate=5&type=all");
  const rotation = page.getByTestId("rotation");
  await expect(rotation).toHaveAttribute("data-panel-shown", "failures");
  await expect(rotation).toContainText("1 / 2");
  await expect(rotation).toHaveAttribute("data-panel-shown", "active", { timeout: 8_000 });
  await expect(rotation).toContainText("2 / 2");
  await expect(page.locator("[data-panel=tiles]")).toBeVisible();
  await expect(rotation).toHaveAttribute("data-panel-shown", "failures", { timeout: 8_000 });
});

test("names bad values in the URL and shows the rest", async ({ page }) => {
  await page.goto("/wall?panels=tiles,clock&rotate=1&window=forever");
  const problems = page.getByTestId("problems");
  await expect(problems).toContainText('panels "clock" is not a panel');
  await expect(problems).toContainText("rotate must be whole seconds from 5 to 3600");
  await expect(problems).toContainText("window must be");
  await expect(page.locator("[data-panel=tiles]")).toBeVisible();
  const api = await page.request.get("/api/wall?window=forever");
  expect(api.status()).toBe(400);
  expect((await api.json()).error.param).toBe("window");
});

test("a display key signs the wall in once, and the key leaves the address", async ({ page }) => {
  const wall = `http://127.0.0.1:${PRIVATE_PORT}/wall?type=all&title=Ops`;
  await page.goto(`${wall}&key=${DISPLAY_KEY}`);
  await expect(page).toHaveURL(wall);
  await expect(page.locator("[data-panel=tiles]")).toBeVisible();
  await expect(page.getByTestId("stale-banner")).toHaveCount(0);
});

test("a failure that appears while the screen is up is highlighted as new", async ({ page }) => {
  await page.goto("/wall?type=all&window=24h&refresh=1&panels=tiles,failures,active");
  const running = page.locator("[data-panel=active] li[data-job-id]").first();
  await expect(running).toBeVisible();
  // Nothing is new on a screen that just started, however recent.
  await expect(page.locator("[data-panel=failures] li[data-new]")).toHaveCount(0);
  const id = Number(await running.getAttribute("data-job-id"));
  await jobAction(id, "kill");
  // Through Kill request pending to Killed, 5 simulated seconds.
  await advanceClock(5);
  const killed = page.locator(`[data-panel=failures] li[data-job-id="${id}"]`);
  await expect(killed).toHaveAttribute("data-new", "true", { timeout: 15_000 });
  await expect(killed).toContainText("NEW");
  await expect(page.locator("[data-panel=failures] li[data-new]")).toHaveCount(1);
  // The screen's own reload does not forget what it has seen.
  await page.reload();
  await expect(page.locator(`[data-panel=failures] li[data-job-id="${id}"]`)).toHaveAttribute(
    "data-new",
    "true",
  );
});

test("keeps polling when the browser says the tab is hidden: a TV must never freeze", async ({ page }) => {
  await page.goto("/wall?type=all&refresh=1&panels=tiles");
  await expect(page.getByTestId("updated")).toContainText("updated");
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  let answers = 0;
  page.on("response", (response) => {
    if (response.url().includes("/api/wall")) answers++;
  });
  await expect.poll(() => answers, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
});

test("the savings chart draws each day's application and media bytes against its axis", async ({
  page,
  consoleErrors,
}) => {
  await page.goto("/wall?type=all&window=7d&panels=savings");
  const chart = page.getByTestId("savings-chart");
  await expect(chart).toBeVisible();
  const answer = (await (await page.request.get("/api/wall?type=all&window=7d")).json()) as {
    summary: WallSummary;
  };
  const days = answer.summary.savings.days;
  expect(days.length).toBeGreaterThan(1);
  // A bar per day and series, each as tall as its bytes on the axis the labels name.
  const drawn = await chart.evaluate((svg) => {
    const ticks = [...svg.querySelectorAll("text")].map((text) => text.textContent ?? "");
    const bars = [...svg.querySelectorAll("rect[data-series]")].map((rect) => ({
      series: rect.getAttribute("data-series"),
      title: rect.querySelector("title")?.textContent ?? "",
      height: Number(rect.getAttribute("height")),
    }));
    return { ticks, bars };
  });
  expect(drawn.bars).toHaveLength(days.length * 2);
  const bytes = days.flatMap((day) => [day.applicationBytes, day.mediaBytes]);
  const pixelsPerByte = Math.max(...drawn.bars.map((bar) => bar.height)) / Math.max(...bytes);
  for (const [index, day] of days.entries()) {
    expect(drawn.bars[index * 2]?.title).toContain(`${day.key} Application`);
    expect(drawn.bars[index * 2 + 1]?.series).toBe("mediaBytes");
  }
  // Heights in proportion to the bytes, to the pixel.
  for (const [index, bar] of drawn.bars.entries())
    expect(Math.abs(bar.height - (bytes[index] ?? 0) * pixelsPerByte)).toBeLessThan(1);
  expect(drawn.ticks).toContain("0 B");
  expect(drawn.ticks).toContain("Application");
  expect(drawn.ticks).toContain("Media on disk");
  expect(consoleErrors).toEqual([]);
});

test("the clock's ticks and answers with the same savings do not draw the savings chart again", async ({
  page,
  consoleErrors,
}) => {
  await countRenders(page);
  // The simulator's clock barely moves here, so every answer carries the same savings.
  await page.goto("/wall?type=all&window=7d&refresh=1&panels=savings");
  const chart = "[data-testid=savings-chart]";
  await expect(page.locator(chart)).toBeVisible();
  const before = await rendersOf(page, chart);
  expect(before).toBeGreaterThan(0);
  let answers = 0;
  page.on("response", (response) => {
    if (response.url().includes("/api/wall")) answers++;
  });
  // Each answer (and each second of the clock) renders the screen again.
  await expect.poll(() => answers, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  expect(await rendersOf(page, chart)).toBe(before);
  expect(consoleErrors).toEqual([]);
});

test("the clock's ticks draw the clock, not the panels; an unchanged answer draws nothing", async ({
  page,
}) => {
  await countRenders(page);
  // The tiles, and the body of each panel below them.
  const panels = [
    "ul[data-panel=tiles]",
    "[data-panel=failures] > div > *",
    "[data-panel=active] > div > *",
    "[data-panel=waiting] > div > *",
  ];
  const drawn = () => Promise.all(panels.map((panel) => rendersOf(page, panel)));
  // Ticks alone: one answer in 30 s.
  await page.goto("/wall?type=all&window=24h&refresh=30&panels=tiles,failures,active,waiting");
  await expect(page.locator("[data-panel=failures] li[data-job-id]").first()).toBeVisible();
  const before = await drawn();
  for (const count of before) expect(count).toBeGreaterThan(0);
  const ticks = await drawsOverTwoTicks(page, "[data-testid=updated]");
  // The count works: the clock's own line was drawn at each tick.
  expect(ticks.after).toBeGreaterThanOrEqual(ticks.before + 2);
  expect(await drawn()).toEqual(before);
  // An answer a second, each the same (the simulator's clock barely moves here): the screen takes each one
  // (the log of answers changes) and draws none of the panels again.
  await page.goto("/wall?type=all&window=24h&refresh=1&panels=tiles,failures,active,waiting");
  await expect(page.locator("[data-panel=failures] li[data-job-id]").first()).toBeVisible();
  let answers = 0;
  page.on("response", (response) => {
    if (response.url().includes("/api/wall")) answers++;
  });
  const settled = await drawn();
  await expect.poll(() => answers, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  expect(await drawn()).toEqual(settled);
});

test("reloads itself after `reload` hours, once a refresh has worked", async ({ page }) => {
  await page.clock.install();
  await page.goto("/wall?type=all&refresh=5&panels=tiles&reload=1");
  await expect(page.getByTestId("updated")).toContainText("updated");
  await page.evaluate(() => {
    (window as unknown as { beforeReload: boolean }).beforeReload = true;
  });
  const reloaded = page.waitForEvent("load");
  await page.clock.fastForward("01:00:02");
  await reloaded;
  expect(
    await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload),
  ).toBeUndefined();
  await expect(page.locator("[data-panel=tiles]")).toBeVisible();
});
