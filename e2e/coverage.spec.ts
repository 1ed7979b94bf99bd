// Coverage in the browser against the simulator: the tiles agree with the simulator's own inventory, a
// subclient made to fail turns its client unprotected within a refresh, and the numbers open their jobs.

import type { Page } from "@playwright/test";
import type { CoverageAnswer } from "../lib/api/coverage-view";
import { PRIVATE_PORT } from "../playwright.config";
import { expect, test } from "./fixtures";
import { countRenders, drawsOverTwoTicks } from "./render-count";
import { signInAs } from "./sign-in";
import { privateSimulator, simulatorInventory } from "./simulator";

const tileCount = (page: Page, tile: string) =>
  page.locator(`[data-tile="${tile}"] [data-testid="count"]`).textContent();

test("the tiles agree with the simulator's own inventory and history", async ({ page }) => {
  await page.goto("/coverage?within=7d");
  await expect(page.locator('[data-tile="percent"] [data-testid="count"]')).toHaveText(/%$/);
  const answer = (await (await page.request.get("/api/coverage?within=7d")).json()) as CoverageAnswer;
  expect(answer.inventory).toBe("commcell");
  const inventory = await simulatorInventory();
  const byClient = new Map<number, typeof inventory>();
  for (const sub of inventory) byClient.set(sub.clientId, [...(byClient.get(sub.clientId) ?? []), sub]);
  expect(answer.summary.clients).toBe(byClient.size);
  const excluded = [...byClient.values()].filter((subs) => subs.every((sub) => !sub.enableBackup)).length;
  expect(answer.summary.excluded).toBe(excluded);
  expect(await tileCount(page, "excluded")).toBe(String(excluded));
  // Every subclient the simulator never backed up shows as never backed up; the page may add database
  // subclients whose only "backups" completed with errors, which the SLA does not count.
  const shown = answer.clients.flatMap((client) => client.subclients);
  const never = new Set(shown.filter((sub) => sub.state === "never_backed_up").map((sub) => sub.id));
  const neverRan = inventory.filter((sub) => sub.enableBackup && sub.lastBackupTime === 0);
  expect(neverRan.length).toBeGreaterThan(0);
  for (const sub of neverRan) expect(never.has(sub.subclientId), `subclient ${sub.subclientId}`).toBe(true);
  for (const sub of shown.filter(
    (s) => s.state === "never_backed_up" && !neverRan.some((n) => n.subclientId === s.id),
  ))
    expect(sub.agent, `subclient ${sub.id}`).toMatch(/sql|oracle/i);
  expect(await tileCount(page, "never_backed_up")).toBe(String(answer.summary.neverBackedUp));
  // The page's worst client is first, and a tile narrows the list to its state.
  await page.locator('[data-tile="never_backed_up"] button').click();
  await expect(page).toHaveURL(/state=never_backed_up/);
  await expect(page.locator("[data-testid=coverage-clients] > li")).toHaveCount(answer.summary.neverBackedUp);
});

test("a subclient made to fail turns its client unprotected within one refresh", async ({ page }) => {
  // On the private server's own simulator, whose clock this moves.
  const origin = `http://127.0.0.1:${PRIVATE_PORT}`;
  await signInAs(page, "admin", "admin", origin);
  const answer = (await (
    await page.request.get(`${origin}/api/coverage?within=7d`)
  ).json()) as CoverageAnswer;
  const client = answer.clients.find(
    (c) => c.state === "protected" && c.subclients.every((s) => s.state === "protected" && s.ageMs !== null),
  );
  expect(client).toBeDefined();
  // Its most recently backed-up subclient fails from now on; a week later it has no success left in the period.
  const sub = [...(client?.subclients ?? [])].sort((a, b) => (a.ageMs ?? 0) - (b.ageMs ?? 0))[0];
  await privateSimulator.failSubclient(sub?.id ?? 0);
  await privateSimulator.advanceClock(7 * 86_400 + 3600 - Math.floor((sub?.ageMs ?? 0) / 1000));
  await page.goto(`${origin}/coverage?within=7d&q=${encodeURIComponent(client?.name ?? "")}`);
  const row = page.locator(`[data-testid=coverage-clients] > li[data-client="${client?.name}"]`);
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveAttribute("data-state", "unprotected", { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  const subRow = row.locator(`tr[data-subclient-id="${sub?.id}"]`);
  await expect(subRow.locator('[data-coverage-state="unprotected"]')).toBeVisible();
});

test("strikes open the failed backups behind them", async ({ page }) => {
  const answer = (await (await page.request.get("/api/coverage?within=30d")).json()) as CoverageAnswer;
  const client = answer.clients.find((c) => c.subclients.some((s) => s.strikes > 0));
  const sub = client?.subclients.find((s) => s.strikes > 0);
  expect(sub).toBeDefined();
  await page.goto(`/coverage?within=30d&q=${encodeURIComponent(client?.name ?? "")}`);
  const row = page.locator(`[data-client="${client?.name}"]`);
  // A client that is not protected opens by itself when the list is short.
  await row.locator("details").evaluate((details) => {
    (details as HTMLDetailsElement).open = true;
  });
  await row.locator(`tr[data-subclient-id="${sub?.id}"] [data-column="strikes"] a`).click();
  await expect(page).toHaveURL(/\/jobs\?.*status=/);
  await expect(page.locator("tbody tr[data-job-id]").first()).toBeVisible();
  const statuses = await page.locator('tbody td[data-column="status"]').allTextContents();
  expect(statuses.length).toBeGreaterThanOrEqual(sub?.strikes ?? 1);
  for (const status of statuses) expect(status).toMatch(/Failed|Killed|Interrupted|Committed|errors/);
});

test("a last success opens its job, and a client opens its backups", async ({ page }) => {
  await page.goto("/coverage?within=7d&state=protected");
  const first = page.locator("[data-testid=coverage-clients] > li").first();
  const name = await first.getAttribute("data-client");
  await first.locator("summary").click();
  const link = first.locator('[data-column="last-success"] a').first();
  const jobId = (await link.textContent())?.replace("job ", "");
  await link.click();
  await expect(page).toHaveURL(`/jobs/${jobId}`);
  await expect(page.locator("h1")).toContainText(`Job ${jobId}`);
  await page.goBack();
  await page.locator(`[data-client="${name}"]`).getByRole("link", { name: "backups" }).click();
  await expect(page).toHaveURL(/\/jobs\?.*client=/);
  await expect(page.locator("tbody tr[data-job-id]").first()).toBeVisible();
  const clients = await page.locator('tbody td[data-column="client"]').allTextContents();
  expect(clients.length).toBeGreaterThan(0);
  expect(clients.every((text) => text.includes(name ?? ""))).toBe(true);
});

test("the overview's Protected tile opens /coverage, and a wall can show the coverage panel", async ({
  page,
}) => {
  await page.goto("/");
  const tile = page.locator('[data-tile="Protected"]');
  await expect(tile).toContainText("%");
  await tile.click();
  await expect(page).toHaveURL("/coverage");
  await page.goto("/wall?panels=tiles,coverage");
  const panel = page.getByTestId("wall-coverage");
  await expect(panel).toContainText("of clients meet SLA");
  await expect(panel.locator("li").first()).toBeVisible();
  const scroll = await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
  expect(scroll).toBe(true);
});

test("the page's clock redraws the time it shows, not the clients", async ({ page }) => {
  await countRenders(page);
  await page.goto("/coverage?within=7d");
  const clients = '[data-testid="coverage-clients"]';
  await expect(page.locator(clients)).toBeVisible();
  // Two ticks of the clock (the page refreshes its answer every 30 s at the soonest).
  const { before, after } = await drawsOverTwoTicks(page, clients);
  expect(before).toBeGreaterThan(0);
  expect(after).toBe(before);
});

test("a bad coverage parameter is named, on the page and by the API", async ({ page }) => {
  const api = await page.request.get("/api/coverage?within=2h");
  expect(api.status()).toBe(400);
  expect((await api.json()).error).toMatchObject({ param: "within" });
  await page.goto("/coverage?state=fine");
  await expect(page.getByText('state "fine" is not a coverage state')).toBeVisible();
});
