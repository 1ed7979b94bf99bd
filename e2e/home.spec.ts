import { STATUS_INFO, STATUS_KINDS } from "../lib/jobs/statuses";
import { expect, test } from "./fixtures";

test("the home page says plainly that it shows no jobs yet", async ({ page, consoleErrors }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("CommCell Job Monitor");
  await expect(page.getByRole("heading", { level: 1, name: "CommCell Job Monitor" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Not connected");
  expect(consoleErrors).toEqual([]);
});

test("every status kind has a badge with its text and an icon", async ({ page, consoleErrors }) => {
  await page.goto("/");
  for (const kind of STATUS_KINDS) {
    const item = page.locator(`[data-status-kind="${kind}"]`);
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
