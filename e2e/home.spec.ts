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
      "Showing the last answer the CommCell gave: The CommCell answered HTTP 503: 503 - Service Unavailable.",
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
  await expect(page).toHaveURL(/\/jobs\?type=all&window=7d&category=active&status=running/);
  await expect(page.getByTestId("total")).toHaveText(`${running} jobs`);
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
  await page.getByText("Data", { exact: true }).click();
  await expect(page.getByRole("columnheader", { name: "Media on disk" })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
