// A picture of every page in both themes, for the README and for anyone reviewing a change: attached to
// the report always, and written to $SCREENSHOTS_DIR (docs/screenshots when refreshed) when it is set.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PAGES } from "./pages";
import { simulatorJobs } from "./simulator";

async function keep(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const body = await page.screenshot({ fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.png`), body);
  }
}

/** The pages with the one header (the wall has its own test below). */
const FRAMED = (["overview", "jobs", "login"] as const).map((name) => ({ name, ...PAGES[name] }));

for (const scheme of ["light", "dark"] as const) {
  for (const { name, path, ready } of FRAMED) {
    test(`${name} in the ${scheme} theme`, async ({ page, consoleErrors }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(path);
      await expect(page.locator(ready).first()).toBeVisible();
      // Every page but the wall has the one header, with the pages and the CommCell.
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.getByTestId("upstream")).toHaveText("Demo CommCell (simulated)");
      await keep(page, testInfo, `${name}-${scheme}`);
      expect(consoleErrors).toEqual([]);
    });
  }

  test(`a job's page in the ${scheme} theme`, async ({ page, consoleErrors }, testInfo) => {
    const [job] = await simulatorJobs("jobCategory=Finished&jobFilter=&completedJobLookupTime=86400");
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/jobs/${job?.jobId}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Job ${job?.jobId}`);
    await expect(page.getByRole("link", { name: "Jobs", exact: true }).first()).toHaveAttribute(
      "aria-current",
      "page",
    );
    await keep(page, testInfo, `job-${scheme}`);
    expect(consoleErrors).toEqual([]);
  });
}

test("the wall display (its own dark theme, for a TV)", async ({ page, consoleErrors }, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto("/wall?type=all&window=7d");
  await expect(page.locator('[data-panel="tiles"]')).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await keep(page, testInfo, "wall");
  expect(consoleErrors).toEqual([]);
});
