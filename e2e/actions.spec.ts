// Job actions in the browser, against the embedded simulator: the admin from the job page and in bulk,
// the operator inside and outside its groups, the viewer and a display screen without controls, a changed
// view refused with its new preview, a double-clicked confirmation acting once, a cross-site POST refused.

import type { Page } from "@playwright/test";
import { ACTIONS_PER_MINUTE, DISPLAY_KEY, PRIVATE_PORT } from "../playwright.config";
import { expect, test } from "./fixtures";
import { signInAs } from "./sign-in";
import { advanceClock, simulatorJobs, simulatorState } from "./simulator";

type Summary = {
  status: string;
  jobId: number;
  jobType?: string;
  subclient?: { clientName?: string };
  clientGroups?: { clientGroupName: string }[];
};

const signIn = (page: Page, user: string) => signInAs(page, user);

const running = async (test: (job: Summary) => boolean = () => true): Promise<Summary[]> =>
  ((await simulatorJobs("jobCategory=Active&jobFilter=")) as Summary[]).filter(
    (job) => job.status === "Running" && test(job),
  );

const inGroups = (names: string[]) => (job: Summary) =>
  job.clientGroups?.some((group) => names.includes(group.clientGroupName)) === true;

/** Opens the action's dialog on the job page, confirms it, and waits for the CommCell's answer. */
async function actOnJobPage(page: Page, label: string, typed?: string): Promise<void> {
  await page.getByRole("group", { name: "Job actions" }).getByRole("button", { name: label }).click();
  const dialog = page.getByTestId("action-dialog");
  await expect(dialog.getByTestId("action-summary")).toContainText("1 job");
  if (typed) await dialog.getByLabel(`Type ${typed} to confirm`).fill(typed);
  await dialog.getByRole("button", { name: `${label} 1 job` }).click();
  await expect(dialog.getByTestId("action-outcome")).toHaveText("1 accepted, 0 refused, 0 not applicable.");
}

async function followedTo(page: Page, status: string, advance: number): Promise<void> {
  const followed = page.getByTestId("action-dialog").getByTestId("followed-status");
  await expect(async () => {
    await advanceClock(advance);
    await expect(followed).toContainText(`now ${status}`, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await page.getByTestId("action-dialog").getByRole("button", { name: "Close" }).click();
}

test("the admin suspends, resumes and kills a running job from its page, and reads its events", async ({
  page,
}) => {
  const [job] = await running((j) => j.jobType === "Backup");
  expect(job).toBeDefined();
  await signIn(page, "admin");
  await page.goto(`/jobs/${job?.jobId}`);

  await actOnJobPage(page, "Suspend");
  await followedTo(page, "Suspended", 11);
  await expect(page.locator("h1")).toContainText("Suspended");

  await actOnJobPage(page, "Resume");
  await followedTo(page, "Running", 1);

  // A kill asks for the typed count, even for one job.
  await actOnJobPage(page, "Kill", "1");
  await followedTo(page, "Killed", 6);
  await expect(page.locator("h1")).toContainText("Killed");
  const events = page.getByTestId("job-events");
  await expect(events).toContainText(`Kill request pending for job [${job?.jobId}].`);
  await expect(events).toContainText("has been killed by admin");
  await expect(events).toContainText("has been suspended by user admin");
  // The CommCell's separators are read into parts, never shown as text.
  await expect(events).not.toContainText("<br>");
  // The job can only be resubmitted now.
  await expect(page.getByRole("group", { name: "Job actions" }).getByRole("button")).toHaveText(["Resubmit"]);
});

test("the admin resubmits a failed job and lands on the new one", async ({ page }) => {
  const [failed] = (
    (await simulatorJobs("jobCategory=Finished&jobFilter=Backup&completedJobLookupTime=86400")) as Summary[]
  ).filter((job) => job.status === "Failed");
  expect(failed).toBeDefined();
  await signIn(page, "admin");
  await page.goto(`/jobs/${failed?.jobId}`);
  await page.getByRole("group", { name: "Job actions" }).getByRole("button", { name: "Resubmit" }).click();
  await page.getByTestId("action-dialog").getByRole("button", { name: "Resubmit 1 job" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/(?!${failed?.jobId}$)\\d+$`));
  await expect(page.locator("h1")).toContainText("Running");
});

test("the operator acts inside its groups and is refused, in the CommCell's words, outside them", async ({
  page,
}) => {
  const [inside] = await running(inGroups(["File Servers", "Databases"]));
  const [outside] = await running(inGroups(["Virtualization"]));
  await signIn(page, "operator");
  await page.goto(`/jobs/${outside?.jobId}`);
  await page.getByRole("group", { name: "Job actions" }).getByRole("button", { name: "Suspend" }).click();
  const dialog = page.getByTestId("action-dialog");
  await dialog.getByRole("button", { name: "Suspend 1 job" }).click();
  await expect(dialog.getByTestId("action-outcome")).toHaveText("0 accepted, 1 refused, 0 not applicable.");
  await expect(dialog.getByTestId("action-results")).toContainText(
    `User [operator] does not have the Job Management permission on job [${outside?.jobId}].`,
  );
  await dialog.getByRole("button", { name: "Close" }).click();

  await page.goto(`/jobs/${inside?.jobId}`);
  await actOnJobPage(page, "Suspend");
  await followedTo(page, "Suspended", 11);
  await actOnJobPage(page, "Resume");
});

test("the viewer and a display screen see no controls, and the API refuses them", async ({
  page,
  browser,
}) => {
  const [job] = await running();
  await signIn(page, "viewer");
  await page.goto(`/jobs/${job?.jobId}`);
  await expect(page.locator("h1")).toContainText(`Job ${job?.jobId}`);
  // The viewer may act on no job: the CommCell would refuse, and says so per job.
  const refused = await page.request.post("/api/jobs/actions", {
    data: { action: "kill", jobIds: [job?.jobId], idempotencyKey: "viewer-try-0001" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(200);
  expect((await refused.json()).results[0]).toMatchObject({ outcome: "refused" });

  // An anonymous viewer (this server allows anonymous viewing) and a display screen: no controls, 403.
  const anonymous = await browser.newContext();
  const screen = await anonymous.newPage();
  await screen.goto(`/jobs/${job?.jobId}`);
  await expect(screen.locator("h1")).toContainText(`Job ${job?.jobId}`);
  await expect(screen.getByRole("group", { name: "Job actions" })).toHaveCount(0);
  await screen.goto("/jobs");
  await expect(screen.getByTestId("total")).toBeVisible();
  await expect(screen.getByRole("checkbox")).toHaveCount(0);
  const anonymousTry = await screen.request.post("/api/jobs/actions", {
    data: { action: "kill", jobIds: [job?.jobId], idempotencyKey: "anonymous-try-01" },
    headers: { Origin: new URL(screen.url()).origin },
  });
  expect(anonymousTry.status()).toBe(403);
  await anonymous.close();

  const display = await browser.newContext();
  const wall = await display.newPage();
  const origin = `http://127.0.0.1:${PRIVATE_PORT}`;
  await wall.goto(`${origin}/wall?key=${DISPLAY_KEY}`);
  // That server has its own simulator: a job of its own list.
  await wall.goto(`${origin}/jobs?category=active&type=all`);
  await expect(wall.getByRole("checkbox")).toHaveCount(0);
  const shown = await wall.locator("tr[data-job-id]").first().getAttribute("data-job-id");
  await wall.goto(`${origin}/jobs/${shown}`);
  await expect(wall.locator("h1")).toContainText(`Job ${shown}`);
  await expect(wall.getByRole("group", { name: "Job actions" })).toHaveCount(0);
  const displayTry = await wall.request.post(`${origin}/api/jobs/actions`, {
    data: { action: "kill", jobIds: [Number(shown)], idempotencyKey: "display-try-001" },
    headers: { Origin: origin },
  });
  expect(displayTry.status()).toBe(403);
  expect((await displayTry.json()).error.code).toBe("actions_need_sign_in");
  await display.close();
});

test("a bulk kill of every job matching a view asks for the typed count", async ({ page }) => {
  // One client's active jobs: a few, so the rest of the estate is left as the other specs expect it.
  const active = (await simulatorJobs("jobCategory=Active&jobFilter=")) as Summary[];
  const byClient = new Map<string, number>();
  for (const job of active) {
    const name = job.subclient?.clientName;
    if (name && ["Running", "Waiting", "Pending", "Queued"].includes(job.status))
      byClient.set(name, (byClient.get(name) ?? 0) + 1);
  }
  const [client] = [...byClient].filter(([, count]) => count >= 2).sort((a, b) => a[1] - b[1])[0] ?? [];
  expect(client).toBeDefined();
  await signIn(page, "admin");
  await page.goto(`/jobs?category=active&type=all&client=${encodeURIComponent(client ?? "")}`);
  const total = Number((await page.getByTestId("total").textContent())?.split(" ")[0]);
  await page
    .getByRole("checkbox", { name: /^Choose job / })
    .first()
    .click();
  if (total > 1)
    await page.getByRole("button", { name: `Choose all ${total} jobs matching this view` }).click();
  await expect(page.getByTestId("chosen")).toHaveText(`All ${total} jobs matching this view`);
  await page.getByTestId("action-bar").getByRole("button", { name: "Kill…" }).click();
  const dialog = page.getByTestId("action-dialog");
  const summary = dialog.getByTestId("action-summary");
  await expect(summary).toContainText("This will kill");
  const count = Number(/kill (\d+) job/.exec((await summary.textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThanOrEqual(2);
  const confirm = dialog.getByRole("button", { name: `Kill ${count} jobs` });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${count} to confirm`).fill(String(count - 1));
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${count} to confirm`).fill(String(count));
  await confirm.click();
  await expect(dialog.getByTestId("action-outcome")).toContainText(`${count} accepted, 0 refused`);
  await expect(async () => {
    await advanceClock(6);
    await expect(dialog.locator('[data-testid="followed-status"][data-settled="false"]')).toHaveCount(0, {
      timeout: 2000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(dialog.getByTestId("followed-status").first()).toContainText("now Killed");
  await dialog.getByRole("button", { name: "Close" }).click();
});

test("a view that changed between preview and confirmation is refused with the new preview", async ({
  page,
}) => {
  await signIn(page, "admin");
  const jobs = await running((j) => j.jobType === "Backup");
  await page.goto("/jobs?category=active&status=running&type=backup");
  const total = Number((await page.getByTestId("total").textContent())?.split(" ")[0]);
  await page
    .getByRole("checkbox", { name: /^Choose job / })
    .first()
    .click();
  await page.getByRole("button", { name: `Choose all ${total} jobs matching this view` }).click();
  await page.getByTestId("action-bar").getByRole("button", { name: "Suspend…" }).click();
  const dialog = page.getByTestId("action-dialog");
  await expect(dialog.getByTestId("action-summary")).toContainText(`suspend ${total} jobs`);
  // Meanwhile one of them is suspended elsewhere (through the CommCell's own API).
  const response = await page.request.post("/api/jobs/actions", {
    data: { action: "suspend", jobIds: [jobs[0]?.jobId], idempotencyKey: "elsewhere-000001" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(200);
  // More than ten jobs ask for the typed count; fewer do not.
  if (total > 10) await dialog.getByLabel(`Type ${total} to confirm`).fill(String(total));
  else await expect(dialog.getByLabel(`Type ${total} to confirm`)).toHaveCount(0);
  await dialog.getByRole("button", { name: `Suspend ${total} jobs` }).click();
  await expect(dialog.getByRole("alert")).toContainText("The jobs have changed since the preview");
  await expect(dialog.getByTestId("action-summary")).toContainText(`suspend ${total - 1} jobs`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  // Leave the estate as the other specs expect it: the job suspended elsewhere runs again.
  await advanceClock(11);
  const resumed = await page.request.post("/api/jobs/actions", {
    data: { action: "resume", jobIds: [jobs[0]?.jobId], idempotencyKey: "elsewhere-000002" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect((await resumed.json()).results[0].outcome).toBe("accepted");
});

test("a double-clicked confirmation acts once", async ({ page }) => {
  const [job] = await running((j) => j.jobType === "Backup");
  await signIn(page, "admin");
  const before = (await simulatorState()).requests["POST Job"] ?? 0;
  const origin = new URL(page.url()).origin;
  const body = {
    action: "suspend",
    jobIds: [job?.jobId],
    expectedCount: 1,
    idempotencyKey: "double-click-0001",
  };
  const [first, second] = await Promise.all([
    page.request.post("/api/jobs/actions", { data: body, headers: { Origin: origin } }),
    page.request.post("/api/jobs/actions", { data: body, headers: { Origin: origin } }),
  ]);
  expect(await first.json()).toEqual(await second.json());
  expect((await first.json()).results[0].outcome).toBe("accepted");
  expect(((await simulatorState()).requests["POST Job"] ?? 0) - before).toBe(1);
  // In the page too: the confirm button clicked twice sends one request.
  await page.goto(`/jobs/${job?.jobId}`);
  await advanceClock(11);
  // The job page's read is kept for the cache's TTL: reload until it shows the suspension.
  const resume = page.getByRole("group", { name: "Job actions" }).getByRole("button", { name: "Resume" });
  await expect(async () => {
    await page.reload();
    await expect(resume).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
  await resume.click();
  const confirm = page.getByTestId("action-dialog").getByRole("button", { name: "Resume 1 job" });
  await confirm.dblclick();
  await expect(page.getByTestId("action-outcome")).toHaveText("1 accepted, 0 refused, 0 not applicable.");
  expect(((await simulatorState()).requests["POST Job"] ?? 0) - before).toBe(2);
  // The same key for another request is refused as such, acting on nothing.
  const reused = await page.request.post("/api/jobs/actions", {
    data: { ...body, action: "kill" },
    headers: { Origin: origin },
  });
  expect(reused.status()).toBe(422);
  expect((await reused.json()).error).toMatchObject({
    code: "idempotency_key_reused",
    param: "idempotencyKey",
  });
  expect(((await simulatorState()).requests["POST Job"] ?? 0) - before).toBe(2);
});

test("a cross-site POST is refused before anything is read or sent", async ({ page }) => {
  const [job] = await running();
  await signIn(page, "admin");
  const before = (await simulatorState()).requests["POST Job"] ?? 0;
  const attempt = await page.request.post("/api/jobs/actions", {
    data: { action: "kill", jobIds: [job?.jobId], idempotencyKey: "cross-site-00001" },
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
  });
  expect(attempt.status()).toBe(403);
  expect((await attempt.json()).error.code).toBe("cross_origin");
  const bad = await page.request.post("/api/jobs/actions", {
    data: { action: "explode", jobIds: ["1"], idempotencyKey: "bad-input-000001" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ param: "action" });
  const empty = await page.request.post("/api/jobs/actions", {
    data: { action: "kill", jobIds: [], idempotencyKey: "bad-input-000002" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect((await empty.json()).error).toMatchObject({
    param: "jobIds",
    message: "jobIds must name at least one job",
  });
  const keyless = await page.request.post("/api/jobs/actions", {
    data: { action: "kill", jobIds: [1] },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect((await keyless.json()).error).toMatchObject({ param: "idempotencyKey" });
  expect(((await simulatorState()).requests["POST Job"] ?? 0) - before).toBe(0);
  // The signed-in person sees their own recent actions.
  const mine = await page.request.get("/api/jobs/actions");
  expect((await mine.json()).actions.length).toBeGreaterThan(0);
});

test("ACTIONS=off hides every control, even from the admin, and the API says why", async ({ page }) => {
  const origin = `http://127.0.0.1:${PRIVATE_PORT}`;
  await signInAs(page, "admin", "admin", origin);
  await page.goto(`${origin}/jobs?category=active&type=all`);
  await expect(page.getByTestId("total")).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  const shown = await page.locator("tr[data-job-id]").first().getAttribute("data-job-id");
  await page.goto(`${origin}/jobs/${shown}`);
  await expect(page.locator("h1")).toContainText(`Job ${shown}`);
  await expect(page.getByRole("group", { name: "Job actions" })).toHaveCount(0);
  const attempt = await page.request.post(`${origin}/api/jobs/actions`, {
    data: { action: "suspend", jobIds: [Number(shown)], idempotencyKey: "read-only-000001" },
    headers: { Origin: origin },
  });
  expect(attempt.status()).toBe(403);
  expect((await attempt.json()).error).toMatchObject({ code: "actions_disabled" });
});

test("a preview of many jobs outside any view is refused, not read one by one", async ({ page }) => {
  await signIn(page, "admin");
  const headers = { Origin: new URL(page.url()).origin };
  // The explorer polls the job list (also "GET Job" in the simulator's counts): leave it first.
  await page.goto("about:blank");
  const before = await simulatorState();
  const jobIds = Array.from({ length: 1000 }, (_, i) => 900_000 + i);
  const preview = await page.request.post("/api/jobs/actions/preview", {
    data: { action: "kill", jobIds },
    headers,
  });
  expect(preview.status()).toBe(400);
  expect((await preview.json()).error.message).toContain("at most 100 jobs are read one by one (got 1000)");
  const after = await simulatorState();
  const reads = (state: typeof before) =>
    Object.entries(state.requests)
      .filter(([name]) => name.startsWith("GET Job"))
      .reduce((sum, [, count]) => sum + (count ?? 0), 0);
  // Before the bound, 1,000 Job/{id} reads; now none (a refresh still in flight may add a list page).
  expect(reads(after) - reads(before)).toBeLessThan(20);
});

test("limits action requests per person a minute: 429 with Retry-After, before the body is read", async ({
  page,
}) => {
  await signIn(page, "viewer");
  const headers = { Origin: new URL(page.url()).origin };
  const before = (await simulatorState()).requests["POST Job"] ?? 0;
  let refusedAt = 0;
  let refusal: {
    status: number;
    retryAfter?: string;
    body: { error: { code: string; message: string } };
  } | null = null;
  // The viewer's window may already hold an earlier spec's request: the refusal comes at the limit or sooner.
  for (let sent = 1; sent <= ACTIONS_PER_MINUTE + 1 && !refusal; sent++) {
    const answer = await page.request.post("/api/jobs/actions", { data: { action: "kill" }, headers });
    if (answer.status() === 429) {
      refusedAt = sent;
      refusal = { status: 429, retryAfter: answer.headers()["retry-after"], body: await answer.json() };
    } else expect(answer.status()).toBe(400);
  }
  expect(refusedAt).toBeGreaterThan(ACTIONS_PER_MINUTE - 5);
  expect(refusal?.retryAfter).toMatch(/^\d+$/);
  expect(refusal?.body.error.code).toBe("too_many_actions");
  expect(refusal?.body.error.message).toContain(`At most ${ACTIONS_PER_MINUTE} action requests a minute`);
  expect(((await simulatorState()).requests["POST Job"] ?? 0) - before).toBe(0);
});
