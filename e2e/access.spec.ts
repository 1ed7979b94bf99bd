// Who may see jobs on a server that does not allow anonymous viewing: signed-in people, and screens that
// presented the display key once.

import { DISPLAY_KEY, PRIVATE_PORT } from "../playwright.config";
import { expect, test } from "./fixtures";

const PRIVATE = `http://127.0.0.1:${PRIVATE_PORT}`;

test("refuses anonymous viewers with 401, and sends pages to sign in", async ({ page, request }) => {
  const api = await request.get(`${PRIVATE}/api/jobs`);
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthenticated");
  await page.goto(`${PRIVATE}/`);
  await expect(page).toHaveURL(`${PRIVATE}/login?next=%2F`);
});

test("a display key signs a screen in once, then leaves the address", async ({ page }) => {
  await page.goto(`${PRIVATE}/?key=${DISPLAY_KEY}`);
  await expect(page).toHaveURL(`${PRIVATE}/`);
  await expect(page.getByRole("list", { name: "Active jobs by status" })).toBeVisible();
  const api = await page.request.get(`${PRIVATE}/api/jobs`);
  expect(api.status()).toBe(200);
});

test("a wrong display key is refused", async ({ request }) => {
  const response = await request.get(`${PRIVATE}/api/session/display?key=guess&next=/`, { maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("invalid_display_key");
});

test("a display link cannot redirect off the site", async ({ request }) => {
  const response = await request.get(
    `${PRIVATE}/api/session/display?key=${DISPLAY_KEY}&next=//evil.example/`,
    { maxRedirects: 0 },
  );
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe("/");
});

test("signed-in people see jobs with their own CommCell identity", async ({ page }) => {
  await page.goto(`${PRIVATE}/login?next=/`);
  await page.getByLabel("CommCell user name").fill("admin");
  await page.getByLabel("Password").fill("admin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user")).toHaveText("admin");
  const api = await page.request.get(`${PRIVATE}/api/jobs`);
  expect(api.status()).toBe(200);
});
