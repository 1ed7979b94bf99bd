// The jobs explorer against the embedded simulator: filters in the URL, pasted URLs, sorting, the empty
// state, invalid values, an outage, the job page and the CSV export.

import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { countRenders, drawsOverTwoTicks } from "./render-count";
import { signInAs } from "./sign-in";
import { advanceClock, jobAction, resetFaults, setFaults, setReason, simulatorJobs } from "./simulator";

test.afterEach(async () => {
  await resetFaults();
});

const rows = (page: import("@playwright/test").Page) => page.locator("tbody tr[data-job-id]");

test("shows the jobs the CommCell has for the view in the URL", async ({ page, consoleErrors }) => {
  await page.goto("/jobs?type=all&window=7d");
  const expected = await simulatorJobs("jobFilter=&completedJobLookupTime=604800");
  await expect(page.getByTestId("total")).toHaveText(`${expected.length} jobs`);
  await expect(rows(page).first()).toHaveAttribute("data-job-id", String(expected[0]?.jobId));
  await expect(page).toHaveTitle(/Jobs \(\d+\) · CommCell Job Monitor/);
  expect(consoleErrors).toEqual([]);
});

test("the clock redraws the times on screen, not the table", async ({ page }) => {
  // No answer comes in the few seconds measured: no stream, and a poll an hour away.
  await page.route("**/api/stream**", (route) => route.abort());
  await countRenders(page);
  await page.goto("/jobs?type=all&window=7d&refresh=3600&columns=id,status,client,start,reason");
  await expect(rows(page).first()).toBeVisible();
  const { before, after } = await drawsOverTwoTicks(page, "table");
  expect(before).toBeGreaterThan(0);
  expect(after).toBe(before);
  // The start times are still relative times of the page's clock.
  await expect(rows(page).first().locator("time").first()).toHaveText(/ago$/);
});

test("the page reads its rows from the gzip the server made once, not from JSON Next compresses per request", async ({
  page,
}) => {
  const answered = page.waitForResponse((r) => r.url().includes("/api/jobs?") && r.status() === 200);
  await page.goto("/jobs?type=all&window=7d");
  const response = await answered;
  expect(response.headers()["x-body-encoding"]).toBe("gzip");
  expect(response.headers()["content-type"]).toBe("application/gzip");
  const expected = await simulatorJobs("jobFilter=&completedJobLookupTime=604800");
  await expect(page.getByTestId("total")).toHaveText(`${expected.length} jobs`);
});

test("a category click changes the URL and the rows, and back undoes it", async ({ page }) => {
  await page.goto("/jobs?type=all&window=7d");
  await expect(rows(page).first()).toBeVisible();
  await page.getByRole("button", { name: "Active", exact: true }).click();
  await expect(page).toHaveURL(/category=active/);
  const active = await simulatorJobs("jobCategory=Active&jobFilter=&completedJobLookupTime=604800");
  await expect(page.getByTestId("total")).toHaveText(`${active.length} jobs`);
  await page.goBack();
  await expect(page).not.toHaveURL(/category=active/);
});

test("a pasted URL with a status filter shows only those statuses", async ({ page }) => {
  await page.goto("/jobs?type=all&window=30d&status=failed,failed_to_start");
  await expect(rows(page).first()).toBeVisible();
  const statuses = await page.locator('tbody td[data-column="status"]').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(
    new Set(statuses.filter((s) => s === "Failed" || s === "Failed to Start")),
  );
});

test("sorting by a column writes it to the URL and orders the rows", async ({ page, request }) => {
  await page.goto("/jobs?type=all&window=7d");
  await page.getByRole("button", { name: "Elapsed" }).click();
  await expect(page).toHaveURL(/sort=-elapsed/);
  const api = await (await request.get("/api/jobs?type=all&window=7d&sort=-elapsed&pageSize=1")).json();
  await expect(rows(page).first()).toHaveAttribute("data-job-id", String(api.jobs[0].id));
  await expect(page.getByRole("columnheader", { name: /Elapsed/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  // A second click turns the order around; the sort never falls back to "none".
  await page.getByRole("button", { name: "Elapsed" }).click();
  await expect(page).toHaveURL(/sort=elapsed/);
  await expect(page.getByRole("columnheader", { name: /Elapsed/ })).toHaveAttribute("aria-sort", "ascending");
  const shortest = await (await request.get("/api/jobs?type=all&window=7d&sort=elapsed&pageSize=1")).json();
  await expect(rows(page).first()).toHaveAttribute("data-job-id", String(shortest.jobs[0].id));
});

test("a sort of a view the page holds whole is drawn before the server answers, which confirms it without rows", async ({
  page,
  request,
}) => {
  await page.goto("/jobs?type=all&window=7d&pageSize=10000");
  await expect(rows(page).first()).toBeVisible();
  // The server's answer to the sort is held back until the rows have been checked.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/api\/jobs\?.*sort=-elapsed/, async (route) => {
    await released;
    await route.continue();
  });
  const asked = page.waitForRequest((r) => r.url().includes("sort=-elapsed"));
  const answered = page.waitForResponse((r) => r.url().includes("sort=-elapsed"));
  await page.getByRole("button", { name: "Elapsed" }).click();
  const expected = await (
    await request.get("/api/jobs?type=all&window=7d&sort=-elapsed&pageSize=10000")
  ).json();
  const ids = (count: number) => expected.jobs.slice(0, count).map((job: { id: number }) => String(job.id));
  const shown = async () =>
    (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset.jobId))).slice(0, 10);
  await expect.poll(shown).toEqual(ids(10));
  // Drawn while the server's answer was still held back: from the rows the page had.
  const headers = (await asked).headers();
  expect(headers["x-derived-from"]).toBe("type=all&window=7d&pageSize=10000");
  expect(headers["x-derived-from-tag"]).toMatch(/^"[\w-]+"$/);
  release();
  const response = await answered;
  expect(response.headers()["x-derived-rows"]).toBe("confirmed");
  expect(response.headers().etag).toMatch(/^"[\w-]+"$/);
  await expect(page.getByTestId("total")).toHaveText(`${expected.total} jobs`);
  expect(await shown()).toEqual(ids(10));
});

test("an empty result says so and resets in one click", async ({ page }) => {
  await page.goto("/jobs?type=all&q=no-such-job-anywhere");
  await expect(page.getByTestId("empty")).toContainText("No jobs match these filters.");
  await page.getByRole("button", { name: "Reset filters" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(rows(page).first()).toBeVisible();
});

test("invalid URL values are named in a notice and the page still works", async ({ page }) => {
  await page.goto("/jobs?window=2w&status=exploded&tz=Mars/Olympus");
  const notice = page.getByRole("alert").filter({ hasText: "not understood" });
  await expect(notice).toContainText("window must be 1h, 24h, 7d, 30d, 1y or whole hours");
  await expect(notice).toContainText('status "exploded" is not a status kind');
  await expect(notice).toContainText("tz must be browser, UTC or an IANA time zone");
  await expect(page.getByTestId("total")).toBeVisible();
});

test("an outage keeps the rows with a banner saying why", async ({ page }) => {
  // Signed in, the banner has the CommCell's own words (someone not signed in reads the kind alone).
  await signInAs(page, "admin");
  await page.goto("/jobs?type=all&window=24h&refresh=1");
  await expect(rows(page).first()).toBeVisible();
  const count = await page.getByTestId("total").textContent();
  await setFaults({ body: "html" });
  await expect(page.getByRole("alert").filter({ hasText: "Showing data from" })).toContainText("HTTP 503", {
    timeout: 15_000,
  });
  await expect(page.getByTestId("total")).toHaveText(count ?? "");
  await resetFaults();
  await expect(page.getByRole("alert").filter({ hasText: "Showing data from" })).toHaveCount(0, {
    timeout: 15_000,
  });
});

test("a job id opens the job page with its groups and links", async ({ page, consoleErrors }) => {
  await page.goto("/jobs?window=7d&status=completed");
  const first = rows(page).first();
  const id = await first.getAttribute("data-job-id");
  await first.getByRole("link").click();
  await expect(page).toHaveURL(`/jobs/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Job ${id}`);
  for (const group of ["What", "Where", "When (UTC)", "How much", "Why"]) {
    await expect(page.getByRole("heading", { name: group })).toBeVisible();
  }
  await expect(
    page
      .getByRole("link", { name: /./ })
      .filter({ hasText: /-\w{3}-\d{3}/ })
      .first(),
  ).toHaveAttribute("href", /\/jobs\?.*client=/);
  expect(consoleErrors).toEqual([]);
});

test("CSV export holds every matching job with times in the chosen zone", async ({ page }) => {
  await page.goto("/jobs?type=all&window=7d&tz=Europe/Berlin");
  await expect(rows(page).first()).toBeVisible();
  const total = Number((await page.getByTestId("total").textContent())?.split(" ")[0]);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, "utf8").trim().split("\r\n");
  expect(lines[0]).toContain("job id,status,type");
  expect(lines).toHaveLength(total + 1);
  expect(lines[1]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+01:00/);
});

test("the theme in the URL overrides the system's", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/jobs?theme=dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe("rgb(11, 17, 32)");
});

test("a pending reason with markup is shown as text and never runs", async ({ page, consoleErrors }) => {
  const [job] = await simulatorJobs("jobCategory=Finished&jobFilter=&completedJobLookupTime=86400");
  if (!job) throw new Error("the simulator should have finished jobs");
  const markup = '<script>window.__ran = 1</script><img src=x onerror="window.__ran = 2">';
  await setReason(job.jobId, `${markup}<br>Source: cs01, Process: JobManager`);
  // A window of its own, so this view is fetched after the reason was set.
  await page.goto(`/jobs?type=all&window=25h&q=${job.jobId}`);
  const cell = page.locator(`tr[data-job-id="${job.jobId}"] td[data-column="reason"]`);
  await expect(cell).toContainText(markup);
  await page.goto(`/jobs/${job.jobId}`);
  await expect(page.getByText(markup)).toBeVisible();
  await expect(page.getByText("Source: cs01")).toBeVisible();
  expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
  expect(consoleErrors).toEqual([]);
});

test("a running job's progress moves on screen as the CommCell's does", async ({ page }) => {
  await page.goto("/jobs?category=active&type=all&window=26h&refresh=1");
  const running = page
    .locator("tbody tr[data-job-id]")
    .filter({ has: page.locator("progress") })
    // A suspended job shows its progress too, and it does not move.
    .filter({ has: page.locator('td[data-column="status"]', { hasText: /^Running$/ }) })
    .first();
  await expect(running).toBeVisible();
  const id = await running.getAttribute("data-job-id");
  const progress = page.locator(`tr[data-job-id="${id}"] td[data-column="progress"]`);
  const before = await progress.textContent();
  await advanceClock(240);
  await expect(async () => {
    const row = page.locator(`tr[data-job-id="${id}"]`);
    // Moved on, or finished and left the active view: either way not where it was.
    if ((await row.count()) === 0) return;
    expect(await progress.textContent()).not.toBe(before);
  }).toPass({ timeout: 15_000 });
});

test("visible columns come from the URL, and arrow keys move between rows", async ({ page }) => {
  await page.goto("/jobs?type=all&window=7d&columns=status,client");
  await expect(page.getByRole("columnheader")).toHaveText([/^Job/, "Status", "Client"]);
  const first = page.locator("tbody tr[data-job-id]").first();
  const second = page.locator("tbody tr[data-job-id]").nth(1);
  await first.getByRole("link").focus();
  await page.keyboard.press("ArrowDown");
  await expect(second.getByRole("link")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(first.getByRole("link")).toBeFocused();
});

test("a custom window in hours and a time zone are written to the URL", async ({ page }) => {
  await page.goto("/jobs?type=all");
  await page.getByLabel("…or hours").fill("2");
  await expect(page).toHaveURL(/window=2h/);
  const zone = page.getByLabel("Time zone");
  await zone.fill("Asia/Tokyo");
  await zone.blur();
  await expect(page).toHaveURL(/tz=Asia(%2F|\/)Tokyo/);
  const start = page.locator('tbody td[data-column="start"] time').first();
  await expect(start).toHaveAttribute("title", /\+09:00$/);
});

test("a suspended job's page says how long it has been so", async ({ page }) => {
  const running = (await simulatorJobs("jobCategory=Active&jobFilter=&completedJobLookupTime=86400")).find(
    (job) => job.status === "Running",
  );
  if (!running) throw new Error("the e2e simulator should have a running job");
  await jobAction(running.jobId, "pause");
  // Through Stop request pending to Suspended, 10 simulated seconds.
  await advanceClock(10);
  try {
    await page.goto(`/jobs/${running.jobId}`);
    await expect(page.getByTestId("stopped-for")).toContainText("Suspended for about");
    await expect(page.getByText("Backup job has been suspended by user admin")).toBeVisible();
  } finally {
    await jobAction(running.jobId, "resume");
  }
});

test("a time or savings range from an overview link is shown, and one click clears it", async ({ page }) => {
  await page.goto("/jobs?type=all&window=7d&from=2026-11-22&to=2026-11-23&savings=..50");
  await expect(page.getByTestId("time-range")).toContainText(
    "Jobs that ended from 2026-11-22 before 2026-11-23 (UTC)",
  );
  await expect(page.getByTestId("savings-range")).toContainText("Jobs saving under 50 %");
  await expect(page.getByTestId("total")).toBeVisible();
  await page.getByRole("button", { name: "Clear time range" }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(page).toHaveURL(/savings=\.\.50/);
  await page.getByRole("button", { name: "Clear savings range" }).click();
  await expect(page).not.toHaveURL(/savings=/);
  await expect(page.getByTestId("time-range")).toHaveCount(0);
});

test("the filters are faceted: each value says how many jobs it would show, and a chip removes it", async ({
  page,
  request,
}) => {
  await page.goto("/jobs?type=all&window=7d");
  await expect(page.getByTestId("total")).toBeVisible();
  const api = await (await request.get("/api/jobs?type=all&window=7d&pageSize=1")).json();
  const [agent] = api.facets.agent as { name: string; count: number }[];
  expect(agent).toBeDefined();
  await page.getByText("Agent: any").click();
  const option = page
    .getByRole("list", { name: "Agent" })
    .getByRole("button", { name: new RegExp(agent?.name ?? "") });
  await expect(option.first().getByTestId("facet-count")).toHaveText(String(agent?.count));
  await option.first().click();
  await expect.poll(() => new URL(page.url()).searchParams.get("agent")).toBe(agent?.name);
  await expect(page.getByTestId("total")).toHaveText(`${agent?.count} jobs`);
  await page.getByRole("button", { name: "Remove the agent filter" }).click();
  await expect(page).not.toHaveURL(/agent=/);
});
