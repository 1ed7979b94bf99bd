// axe over every page in both themes, and over the states a page opens into (a filter list, the action
// dialog, the wall): no serious or critical violation of WCAG 2.x A and AA.

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PAGES } from "./pages";
import { signInAs } from "./sign-in";
import { simulatorJobs } from "./simulator";

/** The violations that stop a person: serious and critical, with where each is, to read in the failure. */
async function blocking(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}, at ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join("; ")}`,
    );
}

for (const scheme of ["light", "dark"] as const) {
  for (const [name, { path, ready }] of Object.entries(PAGES)) {
    test(`${name} in the ${scheme} theme has no serious violation`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await expect(page.locator(ready).first()).toBeVisible();
      expect(await blocking(page)).toEqual([]);
    });
  }

  test(`a job's page in the ${scheme} theme has no serious violation`, async ({ page }) => {
    const [job] = await simulatorJobs("jobCategory=Finished&jobFilter=&completedJobLookupTime=86400");
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/jobs/${job?.jobId}`);
    await expect(page.getByTestId("job-events")).toBeVisible();
    expect(await blocking(page)).toEqual([]);
  });

  test(`the explorer with a filter list open, in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/jobs?type=all&window=7d");
    await page.locator("summary", { hasText: "Status" }).click();
    await expect(page.getByRole("checkbox").first()).toBeVisible();
    expect(await blocking(page)).toEqual([]);
  });

  test(`the action dialog open, in the ${scheme} theme`, async ({ page }) => {
    const [job] = (await simulatorJobs("jobCategory=Active&jobFilter=")) as {
      status: string;
      jobId: number;
    }[];
    await signInAs(page, "admin");
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/jobs/${job?.jobId}`);
    await page.getByRole("group", { name: "Job actions" }).getByRole("button").first().click();
    await expect(page.getByTestId("action-dialog")).toBeVisible();
    expect(await blocking(page)).toEqual([]);
  });
}
