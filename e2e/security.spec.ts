// The security review's findings, each against the real server: cross-site sign-ins, guessing from many
// claimed addresses, copied cookies after sign-out, open redirects and what strangers learn from health.

import { request as requests } from "@playwright/test";
import { DISPLAY_KEY, PRIVATE_PORT } from "../playwright.config";
import { expect, test } from "./fixtures";
import { resetPeak, simulatorState } from "./simulator";

const PRIVATE = `http://127.0.0.1:${PRIVATE_PORT}`;
const json = (origin: string) => ({ "Content-Type": "application/json", Origin: origin });

test("a cross-site form post cannot sign the browser in (login CSRF)", async ({ request, baseURL }) => {
  const evil = await request.post("/api/session", {
    headers: { ...json("https://evil.example"), "Sec-Fetch-Site": "cross-site" },
    data: { username: "admin", password: "admin" },
  });
  expect(evil.status()).toBe(403);
  expect((await evil.json()).error.code).toBe("cross_origin");
  expect(evil.headers()["set-cookie"]).toBeUndefined();
  // A form post from this very site is refused as well: sign-in takes JSON only.
  const form = await request.post("/api/session", {
    headers: { Origin: baseURL as string },
    form: { username: "admin", password: "admin" },
  });
  expect(form.status()).toBe(415);
  const noOrigin = await request.post("/api/session", { data: { username: "admin", password: "admin" } });
  expect(noOrigin.status()).toBe(403);
  const huge = await request.post("/api/session", {
    headers: json(baseURL as string),
    data: { username: "admin", password: "x".repeat(100_000) },
  });
  expect(huge.status()).toBe(413);
  // Sign-out is a state change too.
  expect(
    (await request.delete("/api/session", { headers: { Origin: "https://evil.example" } })).status(),
  ).toBe(403);
});

test("guesses for one user from twenty claimed addresses are limited all the same", async ({
  request,
  baseURL,
}) => {
  // All at once: each attempt is reserved before the CommCell is asked, so parallel guesses count too.
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      request.post("/api/session", {
        headers: { ...json(baseURL as string), "X-Forwarded-For": `198.51.100.${i}` },
        data: { username: "guessed-user", password: `guess-${i}` },
      }),
    ),
  );
  const statuses = responses.map((response) => response.status());
  // Three free failures and the one that starts the wait reach the CommCell (a fifth only if the first
  // wait of 2 s ran out while the twenty were sent); the rest never do.
  expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(4);
  expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
  // Another person on the same machine still signs in.
  const other = await request.post("/api/session", {
    headers: json(baseURL as string),
    data: { username: "admin", password: "admin" },
  });
  expect(other.status()).toBe(200);
});

test("a cookie copied before sign-out reads nothing after it", async () => {
  const browser = await requests.newContext({ baseURL: PRIVATE });
  const signIn = await browser.post("/api/session", {
    headers: json(PRIVATE),
    data: { username: "admin", password: "admin" },
  });
  expect(signIn.status()).toBe(200);
  const copied = (await browser.storageState()).cookies;
  expect((await browser.get("/api/jobs?pageSize=1")).status()).toBe(200);
  expect((await browser.delete("/api/session", { headers: { Origin: PRIVATE } })).status()).toBe(200);

  const thief = await requests.newContext({
    baseURL: PRIVATE,
    storageState: { cookies: copied, origins: [] },
  });
  const stolen = await thief.get("/api/jobs?pageSize=1");
  expect(stolen.status()).toBe(401);
  expect((await stolen.json()).error.code).toBe("session_ended");
  await Promise.all([browser.dispose(), thief.dispose()]);
});

test("a display link with a tab in `next` stays on the site", async ({ request }) => {
  const { DISPLAY_KEY } = await import("../playwright.config");
  for (const next of ["/%09/evil.example", "/%0a/evil.example", "/.//evil.example", "/%5Cevil.example"]) {
    const response = await request.get(`${PRIVATE}/api/session/display?key=${DISPLAY_KEY}&next=${next}`, {
      maxRedirects: 0,
    });
    expect(response.status(), next).toBe(303);
    expect(response.headers().location, next).toBe("/");
  }
});

test("health tells a stranger only up or down, and more to a signed-in viewer", async ({ request }) => {
  const stranger = await request.get(`${PRIVATE}/api/health`);
  const body = await stranger.json();
  expect(Object.keys(body).sort()).toEqual(["lastError", "status", "upstream"]);
  expect(Object.keys(body.upstream).sort()).toEqual(["problem", "reachable"]);

  const viewer = await requests.newContext({ baseURL: PRIVATE });
  await viewer.post("/api/session", {
    headers: json(PRIVATE),
    data: { username: "admin", password: "admin" },
  });
  const told = await (await viewer.get("/api/health")).json();
  expect(told).toMatchObject({ status: "ok", demo: true, upstream: { reachable: true } });
  expect(told.upstream.requests.limit).toBe(8);
  await viewer.dispose();
});

test("a window of any number of seconds is refused; whole hours are not", async ({ request }) => {
  const odd = await request.get("/api/jobs?window=3601");
  expect(odd.status()).toBe(400);
  expect((await odd.json()).error.param).toBe("window");
  expect((await request.get("/api/jobs?window=6h&pageSize=1")).status()).toBe(200);
});

test("a flood of distinct views from one viewer is bounded: few fetches at once, the server stays up", async ({
  baseURL,
}) => {
  // The main server, whose simulator the specs can ask how many requests it was answering at once.
  const viewer = await requests.newContext({ baseURL });
  await viewer.post("/api/session", {
    headers: json(baseURL as string),
    data: { username: "admin", password: "admin" },
  });
  await resetPeak();
  const flood = Promise.all(
    Array.from({ length: 60 }, (_, i) => viewer.get(`/api/jobs?type=all&window=${1000 + i}h&pageSize=1`)),
  );
  const health = await viewer.get("/api/health");
  const answers = await flood;
  const statuses = answers.map((answer) => answer.status());
  // Each answer is the view or "busy, ask again": never a server error, never a dropped connection.
  const odd = answers.find((answer) => answer.status() !== 200 && answer.status() !== 429);
  expect(odd && `${odd.status()} ${await odd.text()}`).toBeUndefined();
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(4);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  const busy = answers.find((answer) => answer.status() === 429);
  expect(busy?.headers()["retry-after"]).toBe("2");
  expect(health.status()).toBe(200);
  const state = await simulatorState();
  // The simulator also answers this server's own sign-in; jobs requests alone never pass the gate's 8.
  expect(state.peakInFlight).toBeLessThanOrEqual(8);
  const after = await (await viewer.get("/api/health")).json();
  expect(after.memory.rssMb).toBeLessThan(1024);
  expect(after.upstream.requests).toMatchObject({ limit: 8 });
  expect(after.upstream.requests.peak).toBeLessThanOrEqual(8);
  await viewer.dispose();
});

test("a request for another host name is refused before any route or page runs (DNS rebinding)", async ({
  baseURL,
}) => {
  const { get } = await import("node:http");
  const ask = (path: string, host: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(path, baseURL);
      const call = get({ host: url.hostname, port: url.port, path, headers: { Host: host } }, (answer) => {
        let body = "";
        answer.setEncoding("utf8");
        answer.on("data", (chunk) => {
          body += chunk;
        });
        answer.on("end", () => resolve({ status: answer.statusCode ?? 0, body }));
      });
      call.on("error", reject);
    });
  const port = new URL(baseURL as string).port;
  for (const path of ["/api/jobs?window=24h&pageSize=1", "/jobs", "/api/health"]) {
    const rebound = await ask(path, `rebind.evil.example:${port}`);
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error.code).toBe("host_not_allowed");
    expect(rebound.body).not.toContain("jobId");
  }
  // The loopback names the demo is opened at are answered.
  expect((await ask("/api/health", `localhost:${port}`)).status).toBe(200);
  expect((await ask("/api/health", `127.0.0.1:${port}`)).status).toBe(200);
});

test("Strict-Transport-Security and Secure cookies follow HTTPS, not a client's X-Forwarded-Proto", async ({
  request,
  baseURL,
}) => {
  // This server has no trusted proxy: a client claiming HTTPS is still on plain HTTP.
  const claimed = await request.post("/api/session", {
    headers: { ...json(baseURL as string), "X-Forwarded-Proto": "https" },
    data: { username: "viewer", password: "viewer" },
  });
  expect(claimed.status()).toBe(200);
  expect(claimed.headers()["strict-transport-security"]).toBeUndefined();
  expect(claimed.headers()["set-cookie"]).not.toMatch(/;\s*secure/i);
  const page = await request.get("/jobs", { headers: { "X-Forwarded-Proto": "https" } });
  expect(page.headers()["strict-transport-security"]).toBeUndefined();
});

test("wrong display keys are slowed like wrong passwords, and the right key afterwards starts afresh", async () => {
  const context = await requests.newContext({ maxRedirects: 0 });
  try {
    const tryKey = (key: string) => context.get(`${PRIVATE}/api/session/display?key=${key}&next=/wall`);
    // Three free failures, and the fourth sets the first wait: the fifth waits, naming how long.
    for (let i = 0; i < 4; i++) expect((await tryKey(`wrong-key-${i}-0123456789`)).status()).toBe(403);
    const slowed = await tryKey("wrong-key-5-0123456789");
    expect(slowed.status()).toBe(429);
    expect((await slowed.json()).error.code).toBe("too_many_attempts");
    const seconds = Number(slowed.headers()["retry-after"]);
    expect(seconds).toBeGreaterThan(0);
    // Not even the right key is taken during the wait; after it, it is, and clears the count.
    expect((await tryKey(DISPLAY_KEY)).status()).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 200));
    expect((await tryKey(DISPLAY_KEY)).status()).toBe(303);
    expect((await tryKey(DISPLAY_KEY)).status()).toBe(303);
  } finally {
    await context.dispose();
  }
});
