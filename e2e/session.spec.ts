// Signing in and out in the browser, and the token never reaching it.

import { expect, test } from "./fixtures";
import { simulatorTokens } from "./simulator";

test("refuses a wrong password in plain words, then signs in and out", async ({ page, consoleErrors }) => {
  await page.goto("/login?next=/");
  await expect(page.getByText("Demo CommCell (simulated): sign in as admin / admin.")).toBeVisible();
  await page.getByLabel("CommCell user name").fill("admin");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "refused" })).toHaveText(
    "The CommCell refused the sign-in: Invalid Username or Password.",
  );
  // The refusal is an HTTP 401, which the browser logs; that one is expected, and nothing else.
  expect(consoleErrors.splice(0)).toEqual([
    "Failed to load resource: the server responded with a status of 401 (Unauthorized)",
  ]);
  await page.getByLabel("Password").fill("admin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("user")).toHaveText("admin");
  // The overview's Protected tile reads coverage with the new session; signing out while that read is on
  // its way ends the CommCell token under it, and its 401 would be logged.
  await expect(page.locator('[data-tile="Protected"]')).toContainText("%");
  const cookie = (await page.context().cookies()).find((c) => c.name === "cjm_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(consoleErrors).toEqual([]);
});

test("no response of a browsing session carries a CommCell token", async ({ page }) => {
  const seen: string[] = [];
  page.on("response", async (response) => {
    const headers = JSON.stringify(await response.allHeaders());
    const body = await response.text().catch(() => "");
    seen.push(`${response.url()}\n${headers}\n${body}`);
  });
  await page.goto("/login");
  await page.getByLabel("CommCell user name").fill("admin");
  await page.getByLabel("Password").fill("admin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user")).toHaveText("admin");
  for (const path of [
    "/",
    "/api/jobs?type=all",
    "/api/health",
    "/api/session",
    "/api/jobs?window=1y&pageSize=50",
  ]) {
    await page.goto(path);
  }
  const tokens = await simulatorTokens();
  expect(tokens.length).toBeGreaterThan(0);
  expect(seen.length).toBeGreaterThan(5);
  for (const response of seen) {
    for (const token of tokens) {
      expect(response.includes(token.slice(5)), `a token in ${response.split("\n")[0]}`).toBe(false);
    }
    expect(response).not.toMatch(/QSDK [0-9a-f]{20}/);
  }
});
