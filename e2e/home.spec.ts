import type { Page } from "@playwright/test";
import { STATUS_INFO, STATUS_KINDS } from "../lib/jobs/statuses";
import { expect, test } from "./fixtures";
import { resetFaults, setFaults, simulatorJobs } from "./simulator";

test.afterEach(async () => {
  await resetFaults();
});

test("the home page says it shows the demo CommCell, and counts its jobs as the CommCell does", async ({
  page,
  consoleErrors,
}) => {
  await page.goto("/");
  await expect(page).toHaveTitle("CommCell Job Monitor");
  await expect(page.getByTestId("upstream")).toHaveText("Demo CommCell (simulated)");

  const active = await simulatorJobs("jobCategory=Active&jobFilter=&completedJobLookupTime=86400");
  expect(active.length).toBeGreaterThan(0);
  const running = active.filter((job) => job.status === "Running").length;
  const tiles = page.getByRole("list", { name: "Active jobs by status" });
  await expect(tiles.locator('[data-status-kind="running"] [data-testid="count"]')).toHaveText(
    String(running),
  );

  const finished = await simulatorJobs("jobCategory=Finished&jobFilter=&completedJobLookupTime=86400");
  const completed = finished.filter((job) => job.status === "Completed").length;
  const finishedTiles = page.getByRole("list", { name: "Finished jobs by status" });
  await expect(finishedTiles.locator('[data-status-kind="completed"] [data-testid="count"]')).toHaveText(
    String(completed),
  );
  expect(consoleErrors).toEqual([]);
});

test("an outage keeps the last answer on screen with the reason, never zero jobs", async ({ page }) => {
  await page.goto("/");
  const running = page
    .getByRole("list", { name: "Active jobs by status" })
    .locator('[data-status-kind="running"] [data-testid="count"]');
  const before = await running.textContent();
  // Next's route announcer is an empty alert too; the one that matters names the CommCell.
  const banner = page.getByRole("alert").filter({ hasText: "CommCell" });
  await setFaults({ body: "html" });
  await expect(async () => {
    await page.reload();
    await expect(banner).toContainText(
      // Someone not signed in is told the kind of failure, not the CommCell's words.
      "Showing the last answer the CommCell gave: The CommCell answered with an error.",
      { timeout: 500 },
    );
  }).toPass({ timeout: 10_000 });
  await expect(running).toHaveText(before ?? "");
  await resetFaults();
  await expect(async () => {
    await page.reload();
    await expect(banner).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
});

test("every status kind has a badge with its text and an icon", async ({ page, consoleErrors }) => {
  await page.goto("/");
  await page.getByText("Status legend").click();
  for (const kind of STATUS_KINDS) {
    const item = page.locator(`[data-legend-kind="${kind}"]`);
    await expect(item).toContainText(STATUS_INFO[kind].label);
    await expect(item.locator(`svg[data-icon="${kind}"]`)).toHaveCount(1);
  }
  expect(consoleErrors).toEqual([]);
});

test("the icon is served, so the browser logs no 404", async ({ request }) => {
  const response = await request.get("/icon.svg");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
});

test("overview tiles count what the CommCell has and open the jobs behind them", async ({
  page,
  consoleErrors,
}) => {
  await page.goto("/?window=7d");
  const active = await simulatorJobs("jobCategory=Active&jobFilter=&completedJobLookupTime=604800");
  const running = active.filter((job) => job.status === "Running").length;
  const tile = page.locator('[data-tile="Running"]');
  await expect(tile).toContainText(String(running));
  await tile.click();
  await expect(page).toHaveURL(/\/jobs\?/);
  const params = Object.fromEntries(new URL(page.url()).searchParams);
  expect(params).toEqual({ category: "active", type: "all", status: "running", window: "7d" });
  // The same view may have been cached by an earlier spec before a job there changed state; the cache
  // answers it at once and refreshes behind it (TTL 1 s here), so a reload shows the refreshed answer.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("total")).toHaveText(`${running} jobs`, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  expect(consoleErrors).toEqual([]);
});

test("the savings chart draws, with its data as a table", async ({ page, consoleErrors }) => {
  await page.goto("/?window=7d");
  await expect(
    page
      .getByRole("img", { name: /Application and media bytes per day/ })
      .locator("svg")
      .first(),
  ).toBeVisible();
  // The tooltip gives the exact byte count beside the rounded one.
  const daily = page.getByRole("img", { name: /Application and media bytes per day/ });
  await daily.locator(".recharts-bar-rectangle path").nth(2).hover();
  await expect(daily.locator(".recharts-tooltip-wrapper")).toContainText(/iB \([\d,]+ bytes\)/);
  const section = page.locator("section", { has: page.locator("#savings") });
  await section.getByText("Data", { exact: true }).click();
  await expect(section.getByRole("columnheader", { name: "Media on disk" })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

/** Clicks the tallest bar of a chart: a bar that surely has jobs behind it. */
async function clickTallestBar(page: Page, chart: RegExp) {
  const bars = page.getByRole("img", { name: chart }).locator(".recharts-bar-rectangle path");
  await expect(bars.first()).toBeVisible();
  const heights = await bars.evaluateAll((paths) => paths.map((path) => path.getBoundingClientRect().height));
  await bars.nth(heights.indexOf(Math.max(...heights))).click();
}

/** The number in a chart's data table (read while the table is folded away), by row and column. */
async function tableCount(page: Page, caption: string, row: string, column: number): Promise<number> {
  const text = await page.locator(`details[data-chart-data="${caption}"] table`).evaluate(
    (table, [wanted, index]) => {
      for (const tr of table.querySelectorAll("tbody tr"))
        if (tr.querySelector("th")?.textContent === wanted)
          return tr.querySelectorAll("td")[index as number]?.textContent;
      return null;
    },
    [row, column] as const,
  );
  return Number(text);
}

test("a histogram bar opens exactly the backups it counts", async ({ page, consoleErrors }) => {
  await page.goto("/?window=7d");
  await clickTallestBar(page, /Finished backups by savings percentage/);
  await expect(page).toHaveURL(/\/jobs\?.*savings=/);
  const [min, max] = (new URL(page.url()).searchParams.get("savings") ?? "").split("..");
  const label = min === "" ? "< 0 %" : `${min}-${max} %`;
  await expect(page.getByTestId("savings-range")).toBeVisible();
  const total = Number((await page.getByTestId("total").textContent())?.match(/\d+/)?.[0]);
  await page.goBack();
  expect(await tableCount(page, "Finished backups by savings percentage", label, 0)).toBe(total);
  expect(consoleErrors).toEqual([]);
});

test("an outcome segment opens that outcome's jobs of that day", async ({ page }) => {
  await page.goto("/?window=7d");
  await clickTallestBar(page, /Finished jobs per day by outcome/);
  await expect(page).toHaveURL(/\/jobs\?.*status=.*from=\d{4}-\d{2}-\d{2}&to=/);
  const url = new URL(page.url());
  const day = url.searchParams.get("from") ?? "";
  const status = url.searchParams.get("status") ?? "";
  await expect(page.getByTestId("time-range")).toContainText(`ended from ${day}`);
  const total = Number((await page.getByTestId("total").textContent())?.match(/\d+/)?.[0]);
  await page.goBack();
  const column = ["completed,committed", "completed_with_warnings", "completed_with_errors"].indexOf(status);
  expect(await tableCount(page, "Finished jobs per day by outcome", day, column === -1 ? 3 : column)).toBe(
    total,
  );
});

test("a night's bar opens that night's backups; its table counts those with sizes", async ({
  page,
  request,
}) => {
  await page.goto("/?window=7d");
  await expect(
    page.getByRole("heading", { name: "Data protected per night against media written" }),
  ).toBeVisible();
  await clickTallestBar(page, /Data protected and media written per backup night/);
  await expect(page).toHaveURL(/\/jobs\?.*from=\d{4}-\d{2}-\d{2}T12:00Z/);
  const query = new URL(page.url()).searchParams;
  expect(query.get("type")).toBe("backup,synthetic_full");
  const night = (query.get("from") ?? "").slice(0, 10);
  query.set("pageSize", "10000");
  const listed = (await (await request.get(`/api/jobs?${query}`)).json()).jobs as {
    sizeOfApplication: number | null;
    sizeOfMediaOnDisk: number | null;
  }[];
  const withSizes = listed.filter((job) => job.sizeOfApplication && job.sizeOfMediaOnDisk !== null).length;
  await page.goBack();
  expect(
    await tableCount(page, "Data protected and media written per backup night (noon to noon UTC)", night, 3),
  ).toBe(withSizes);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the overview in the ${scheme} theme (screenshot attached)`, async ({
    page,
    consoleErrors,
  }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/?window=7d");
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    // Every chart drawn before the picture is taken.
    await expect(page.locator(".recharts-wrapper")).toHaveCount(6);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(scheme === "dark" ? "rgb(11, 17, 32)" : "rgb(248, 250, 252)");
    await testInfo.attach(`overview-${scheme}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
    expect(consoleErrors).toEqual([]);
  });
}

test("the overview's filters are in its URL and carry into every link", async ({ page, request }) => {
  const sample = (await (await request.get("/api/jobs?type=all&window=7d&pageSize=200")).json()).jobs as {
    clientGroups: { name: string | null }[];
  }[];
  const group = sample.flatMap((job) => job.clientGroups).find((g) => g.name)?.name as string;
  await page.goto(`/?window=7d&clientGroup=${encodeURIComponent(group)}`);
  await expect(page.getByTestId("covering")).toHaveText(
    `Covering: All job types · last 7d · client group ${group} Show everything`,
  );
  const running = page.locator('[data-tile="Running"]');
  const shown = Number(await running.locator("span").first().textContent());
  await running.click();
  await expect(page).toHaveURL(/\/jobs\?/);
  expect(new URL(page.url()).searchParams.get("clientGroup")).toBe(group);
  await expect(page.getByTestId("total")).toHaveText(`${shown} jobs`);
  await page.goBack();
  await page.getByRole("link", { name: "Show everything" }).click();
  await expect(page).toHaveURL(/\/\?window=7d$/);
  await page.goto("/?window=7d&type=nonsense");
  await expect(page.getByRole("alert").filter({ hasText: "not understood" })).toContainText(
    'type "nonsense" is not a job type',
  );
});
