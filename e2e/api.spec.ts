// /api/jobs and friends over HTTP against `next start` and the embedded simulator: every parameter's bad
// values, each CommCell fault mapped to its status and message, the cache's single flight, token renewal.

import { FILTER_NAMES } from "../lib/jobs/filters";
import { expect, test } from "./fixtures";
import { expireTokens, resetFaults, setFaults, simulatorJobs, simulatorState } from "./simulator";

test.afterEach(async () => {
  await resetFaults();
});

// Each test asks for its own window (whole hours), so it gets its own cache entry and really reaches the
// simulator.
// At least 1,000 hours: at the simulator's 20,000 jobs a year that is more than one upstream page (1,000
// jobs), which the single-flight test needs to tell a second fetch from a page more (a window of a few
// hours, one page, made it fail about one run in ten); at most about 4,000, under 10,000 jobs, so a view
// of it is held whole by a page of 10,000.
let windowHours = 1000 + Math.floor(Math.random() * 3000);
const freshWindow = () => {
  windowHours += 1;
  return `${windowHours}h`;
};

test("answers jobs with the count and freshness the UI needs", async ({ request }) => {
  const response = await request.get(`/api/jobs?type=all&category=active&window=${freshWindow()}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = await response.json();
  expect(Object.keys(body).sort()).toEqual([
    "error",
    "facets",
    "fetchedAt",
    "jobs",
    "stale",
    "total",
    "upstream",
  ]);
  expect(body).toMatchObject({ stale: false, error: null, upstream: { pages: 1 } });
  const expected = await simulatorJobs("jobCategory=Active&jobFilter=&completedJobLookupTime=86400");
  expect(body.total).toBe(expected.length);
  expect(body.jobs.map((job: { id: number }) => job.id).sort()).toEqual(
    expected.map((job) => job.jobId).sort(),
  );
});

test("filters, sorts and pages on the server", async ({ request }) => {
  const window = freshWindow();
  const all = await (await request.get(`/api/jobs?type=all&window=${window}&pageSize=10000`)).json();
  const failed = await (
    await request.get(
      `/api/jobs?type=all&window=${window}&status=failed,failed_to_start&sort=start&pageSize=5&page=2`,
    )
  ).json();
  const expected = all.jobs.filter((job: { statusKind: string }) =>
    ["failed", "failed_to_start"].includes(job.statusKind),
  );
  expect(failed.total).toBe(expected.length);
  expect(failed.jobs.length).toBeLessThanOrEqual(5);
  const starts = failed.jobs.map((job: { startTime: number }) => job.startTime);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
});

const BAD_VALUES: Record<string, string> = {
  category: "sometimes",
  type: "tape",
  status: "exploded",
  client: "x".repeat(201),
  clientGroup: "x".repeat(201),
  agent: "x".repeat(201),
  level: "weekly",
  window: "2w",
  q: "x".repeat(201),
  from: "yesterday",
  to: "2026-02-31",
  savings: "lots",
  sort: "colour",
  page: "0",
  pageSize: "20000",
};

for (const name of FILTER_NAMES) {
  test(`refuses a bad ${name} with 400 naming it`, async ({ request }) => {
    const value = BAD_VALUES[name];
    if (value === undefined) throw new Error(`no bad value for ${name}`);
    const response = await request.get(`/api/jobs?${name}=${encodeURIComponent(value)}`);
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({ code: "invalid_parameter", param: name });
    expect(body.error.message).toContain(name);
  });
}

const FAULTS = [
  [{ body: "html" }, 502, "commcell_http", "HTTP 503: 503 - Service Unavailable"],
  [{ body: "errlist" }, 502, "commcell_upstream", "Job Manager service is not responding"],
  [{ body: "truncated" }, 502, "commcell_parse", "truncated JSON"],
  [{ body: "malformed" }, 502, "commcell_parse", "malformed or truncated JSON"],
  [{ errorRate: 1 }, 502, "commcell_http", "HTTP 500"],
  [{ refuse: true }, 502, "commcell_network", "the connection was refused"],
] as const;

/** What someone not signed in is told of each kind: nothing of the CommCell's own words. */
const KIND_ALONE: Record<string, string> = {
  commcell_http: "The CommCell answered with an error.",
  commcell_upstream: "The CommCell reported an error.",
  commcell_parse: "The CommCell's answer could not be read.",
  commcell_network: "The CommCell could not be reached.",
};

for (const [fault, status, code, message] of FAULTS) {
  test(`maps the fault ${JSON.stringify(fault)} to ${status} ${code}`, async ({
    request,
    playwright,
    baseURL,
  }) => {
    const user = await playwright.request.newContext({ baseURL });
    const signIn = await user.post("/api/session", {
      data: { username: "admin", password: "admin" },
      headers: { Origin: baseURL as string },
    });
    expect(signIn.status()).toBe(200);
    await setFaults(fault);
    // A signed-in user reads the CommCell's words; someone not signed in its kind alone.
    const response = await user.get(`/api/jobs?window=${freshWindow()}`);
    expect(response.status()).toBe(status);
    const body = await response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(message);
    const stranger = await request.get(`/api/jobs?window=${freshWindow()}`);
    expect(stranger.status()).toBe(status);
    expect((await stranger.json()).error).toEqual({ code, message: KIND_ALONE[code] });
    await user.dispose();
  });
}

test("serves the last good answer, marked stale, while the CommCell fails, and recovers by itself", async ({
  request,
}) => {
  const url = `/api/jobs?window=${freshWindow()}`;
  const good = await (await request.get(url)).json();
  await setFaults({ body: "html" });
  // Past the TTL the answer is served at once while a refresh runs behind it; the failed refresh shows next.
  await expect
    .poll(async () => (await (await request.get(url)).json()).stale, { intervals: [300], timeout: 10_000 })
    .toBe(true);
  const stale = await (await request.get(url)).json();
  expect(stale).toMatchObject({ stale: true, total: good.total, fetchedAt: good.fetchedAt });
  expect(stale.error).toEqual({ code: "commcell_http", message: "The CommCell answered with an error." });
  await resetFaults();
  await expect
    .poll(async () => (await (await request.get(url)).json()).stale, { intervals: [300], timeout: 10_000 })
    .toBe(false);
  expect((await (await request.get(url)).json()).error).toBeNull();
});

test("asks the CommCell once for twenty viewers of the same new view", async ({ request }) => {
  const url = `/api/jobs?type=all&window=${freshWindow()}`;
  const before = (await simulatorState()).requests["GET Job"] ?? 0;
  const answers = await Promise.all(Array.from({ length: 20 }, () => request.get(url)));
  expect(answers.every((answer) => answer.status() === 200)).toBe(true);
  const first = answers[0];
  if (!first) throw new Error("no answer");
  const pages = (await first.json()).upstream.pages as number;
  // The simulator counts every GET /Job, and a refresh of an earlier test's view that the server started
  // in the background can land inside this window (one page more, seen once in a fresh clone's run). A
  // second fetch of this view would be `pages` more, twenty of them 19 x `pages`.
  const asked = ((await simulatorState()).requests["GET Job"] ?? 0) - before;
  expect(pages).toBeGreaterThan(1); // else one page more could not be told from a second fetch
  expect(asked).toBeGreaterThanOrEqual(pages);
  expect(asked).toBeLessThan(2 * pages);
});

test("signs in again, once, when the CommCell expires the service token", async ({ request }) => {
  await request.get(`/api/jobs?window=${freshWindow()}`);
  const before = (await simulatorState()).logins;
  await expireTokens();
  const answers = await Promise.all([1, 2, 3].map(() => request.get(`/api/jobs?window=${freshWindow()}`)));
  expect(answers.map((answer) => answer.status())).toEqual([200, 200, 200]);
  expect((await simulatorState()).logins - before).toBe(1);
});

test("answers one job with its details, and 404 or 400 for others", async ({ request }) => {
  const list = await (await request.get(`/api/jobs?window=${freshWindow()}&pageSize=1`)).json();
  const id = list.jobs[0].id;
  const one = await request.get(`/api/jobs/${id}`);
  expect(one.status()).toBe(200);
  const body = await one.json();
  expect(body.job.id).toBe(id);
  expect(Object.keys(body.details).sort()).toEqual(["detailInfo", "generalInfo", "progressInfo"]);
  expect((await request.get("/api/jobs/1")).status()).toBe(404);
  const bad = await request.get("/api/jobs/abc");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.param).toBe("jobId");
});

test("answers 304, without a body, to a poller whose tag names the answer it has", async ({ request }) => {
  const path = "/api/jobs?type=all&window=24h&pageSize=5";
  // The e2e cache lives a second: try until a conditional request lands within one answer's life.
  await expect(async () => {
    const first = await request.get(path);
    const etag = first.headers().etag ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await request.get(path, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect(await again.text()).toBe("");
  }).toPass({ timeout: 15_000 });
  const other = await request.get(path, { headers: { "If-None-Match": '"not-this-one"' } });
  expect(other.status()).toBe(200);
  expect((await other.json()).jobs.length).toBeLessThanOrEqual(5);
});

test("keeps a view's tag across a refresh that found the same jobs: a 304 with the newer time", async ({
  request,
}) => {
  const path = "/api/jobs?type=all&window=24h&pageSize=5";
  const first = await request.get(path);
  const etag = first.headers().etag ?? "";
  const { fetchedAt } = await first.json();
  // The e2e cache lives a second, and the simulator's clock stands still: a later request is answered
  // from a refresh (another time, another upstream duration) that found the same jobs.
  await expect(async () => {
    const again = await request.get(path, { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect(Date.parse(again.headers()["x-fetched-at"] ?? "")).toBeGreaterThan(Date.parse(fetchedAt));
  }).toPass({ timeout: 15_000 });
});

test("confirms rows a page derived from a view it holds whole, without sending them again", async ({
  request,
}) => {
  const window = freshWindow();
  const heldQuery = `type=all&window=${window}&pageSize=10000`;
  const path = `/api/jobs?type=all&window=${window}&sort=client&pageSize=10000`;
  const derivedFrom = async (query: string) => {
    const held = await request.get(`/api/jobs?${query}`);
    return { "X-Derived-From": query, "X-Derived-From-Tag": held.headers().etag ?? "" };
  };
  await expect(async () => {
    const confirmed = await request.get(path, { headers: await derivedFrom(heldQuery) });
    expect(confirmed.status()).toBe(200);
    expect(confirmed.headers()["x-derived-rows"]).toBe("confirmed");
    expect(confirmed.headers().vary).toContain("X-Derived-From");
    const rest = await confirmed.json();
    expect(Object.keys(rest).sort()).toEqual(["error", "facets", "fetchedAt", "stale", "total", "upstream"]);
    // The whole view's tag and total: the page's next poll of it is a 304.
    const whole = await request.get(path);
    expect(confirmed.headers().etag).toBe(whole.headers().etag);
    expect(rest.total).toBe((await whole.json()).total);
    expect(rest.total).toBeGreaterThan(0);
  }).toPass({ timeout: 15_000 });

  const full = async (headers: Record<string, string>, url = path) => {
    const answer = await request.get(url, { headers });
    expect(answer.status()).toBe(200);
    expect(answer.headers()["x-derived-rows"]).toBeUndefined();
    expect(Array.isArray((await answer.json()).jobs)).toBe(true);
  };
  // A tag the server no longer has: the rows the page holds are not the server's, so they are sent.
  await full({ "X-Derived-From": heldQuery, "X-Derived-From-Tag": '"an-old-answer"' });
  // Held rows that are a page of their view, or another window's: they cannot determine this view.
  await full(await derivedFrom(`type=all&window=${window}&pageSize=2`));
  await full(await derivedFrom(`type=all&window=${freshWindow()}&pageSize=10000`));
  // Half of the pair, or a view the filters cannot read: 400, naming what was wrong.
  const lone = await request.get(path, { headers: { "X-Derived-From": heldQuery } });
  expect(lone.status()).toBe(400);
  expect((await lone.json()).error.message).toContain("X-Derived-From-Tag");
  const unreadable = await request.get(path, {
    headers: { "X-Derived-From": "window=2w", "X-Derived-From-Tag": '"x"' },
  });
  expect(unreadable.status()).toBe(400);
  expect((await unreadable.json()).error).toMatchObject({ code: "invalid_header", param: "window" });
});

test("reports health without secrets", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  // Without a session: up or down and kinds of failure, nothing else.
  expect(body).toEqual({
    status: "ok",
    upstream: { reachable: true, problem: null },
    lastError: body.lastError,
  });
  expect(JSON.stringify(body)).not.toMatch(/QSDK|password/i);
});

test("sets security headers on pages and the API", async ({ request }) => {
  const page = await request.get("/login");
  expect(page.headers()["content-security-policy"]).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
  expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  for (const response of [page, await request.get("/api/health")]) {
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["referrer-policy"]).toBe("same-origin");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
  }
});
