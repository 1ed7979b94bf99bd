// The push channel as a browser and a proxy see it: /api/stream's events and headers on the main server,
// then, on a server of its own whose cache lives 6 s (so a refresh and a poll are told apart), the explorer
// fetching once per refresh while the stream is alive, polling when it is not, and two tabs sharing one
// stream that the second takes over when the first goes.

import { expect, type Page, test } from "@playwright/test";
import { forEachEvent, type StreamEvent } from "../lib/test/sse-events";
import { type Cluster, startCluster } from "./cluster";
import { signInByApi } from "./sign-in";
import { keepChanging, setReason, simulatorJobs } from "./simulator";

/** The events of a stream over `forMs`. */
async function readEvents(response: Response, forMs: number): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  await forEachEvent(response, Date.now() + forMs, (event) => {
    events.push(event);
  });
  return events;
}

test.describe("the stream route", () => {
  test("tells each view's tag as the view's route gives it, on every refresh, unbuffered", async ({
    baseURL,
  }) => {
    const query = "type=all&window=24h&pageSize=50";
    const stream = await fetch(`${baseURL}/api/stream?view=${encodeURIComponent(`jobs:${query}`)}`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    // What keeps compression and proxies from holding the events back.
    expect(stream.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(stream.headers.get("content-encoding")).toBeNull();
    // The route's own tags meanwhile. The main server's cache lives 1 s, and an active job's pending reason
    // changes every second (not the shared simulator's clock, which would move every later spec's jobs),
    // so each refresh is a new answer.
    const [active] = await simulatorJobs("jobCategory=Active&jobFilter=");
    if (!active) throw new Error("the simulator should have active jobs");
    const stopChanging = keepChanging((step) => setReason(active.jobId, `stream spec, step ${step}`), 1000);
    const routeTags = new Set<string>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const answer = await fetch(`${baseURL}/api/jobs?${query}`);
        routeTags.add(answer.headers.get("etag") ?? "");
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    })();
    const events = await readEvents(stream, 4500);
    polling = false;
    await poller;
    await stopChanging();
    expect(events[0]?.event).toBe("heartbeat");
    const notices = events.filter((e) => e.event === "view") as { data: { view: string; etag: string } }[];
    // The view named as it was asked, a new tag with each refresh, and tags the route itself gave.
    expect(notices.every((notice) => notice.data.view === `jobs:${query}`)).toBe(true);
    expect(new Set(notices.map((notice) => notice.data.etag)).size).toBeGreaterThanOrEqual(2);
    expect(notices.some((notice) => routeTags.has(notice.data.etag))).toBe(true);
  });

  test("refuses views it cannot read, naming what was wrong", async ({ request }) => {
    const refused = async (query: string, message: RegExp) => {
      const answer = await request.get(`/api/stream?${query}`);
      expect(answer.status()).toBe(400);
      const body = (await answer.json()) as { error: { code: string; message: string; param: string } };
      expect(body.error).toMatchObject({ code: "invalid_parameter", param: "view" });
      expect(body.error.message).toMatch(message);
    };
    await refused("", /view is required/);
    await refused("view=jobs", /must start with jobs: or wall:/);
    await refused("view=coverage:x=1", /must start with jobs: or wall:/);
    await refused(`view=${encodeURIComponent("jobs:status=bogus")}`, /view jobs: .*status/);
    await refused(Array.from({ length: 17 }, (_, i) => `view=jobs:page%3D${i + 1}`).join("&"), /at most 16/);
  });

  test("a signed-in person's stream ends at their sign-out, not at its five-minute lifetime", async ({
    baseURL,
  }) => {
    const origin = baseURL as string;
    const cookie = await signInByApi(origin, "viewer");
    const stream = await fetch(`${origin}/api/stream?view=${encodeURIComponent("jobs:window=24h")}`, {
      headers: { Cookie: cookie },
    });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // the stream is open and has spoken
    const signOut = await fetch(`${origin}/api/session`, {
      method: "DELETE",
      headers: { Cookie: cookie, Origin: origin },
    });
    expect(signOut.status).toBeLessThan(300);
    // Read until the server closes it; a heartbeat is 15 s away, the lifetime 5 minutes.
    let ended = false;
    const until = Date.now() + 10_000;
    while (!ended && Date.now() < until) ended = (await reader.read()).done;
    expect(ended).toBe(true);
  });

  test("bounds the streams and the distinct views one address holds, 429 naming the limit", async ({
    baseURL,
  }) => {
    const held: AbortController[] = [];
    const open = async (views: string[]) => {
      const stop = new AbortController();
      const query = views.map((view) => `view=${encodeURIComponent(view)}`).join("&");
      const answer = await fetch(`${baseURL}/api/stream?${query}`, { signal: stop.signal });
      // A refusal's body is small and read by the caller; an open stream is held until closed.
      if (answer.ok) held.push(stop);
      return answer;
    };
    const closeAll = () => {
      for (const stop of held.splice(0)) stop.abort();
    };
    const refusedWith = async (answer: Response, message: RegExp) => {
      expect(answer.status).toBe(429);
      expect(answer.headers.get("retry-after")).not.toBeNull();
      const body = (await answer.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("stream_limit");
      expect(body.error.message).toMatch(message);
    };
    try {
      // Anonymous viewers share the service identity: they are counted by address, here 127.0.0.1.
      for (let i = 0; i < 16; i++) expect((await open(["jobs:window=24h"])).status).toBe(200);
      await refusedWith(await open(["jobs:window=24h"]), /at most 16 streams/);
      // A stream that ends gives its place back.
      held.pop()?.abort();
      await expect.poll(async () => (await open(["jobs:window=24h"])).status, { timeout: 10_000 }).toBe(200);
      closeAll();
      const views = (from: number) => Array.from({ length: 16 }, (_, i) => `jobs:page=${from + i}`);
      await expect.poll(async () => (await open(views(1))).status, { timeout: 10_000 }).toBe(200);
      expect((await open(views(17))).status).toBe(200);
      // The same views again add nothing; one more distinct view is past 32.
      expect((await open(views(1))).status).toBe(200);
      await refusedWith(await open(["jobs:page=33"]), /at most 32 distinct views/);
    } finally {
      closeAll();
    }
  });
});

test.describe("the explorer on the push channel", () => {
  test.describe.configure({ timeout: 120_000 });
  let cluster: Cluster;
  let origin: string;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    cluster = await startCluster({ ports: [3123], shared: false, env: { CACHE_TTL_SECONDS: "6" } });
    origin = cluster.origins[0] as string;
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  /** Counts the page's requests to a path over `forMs`. */
  async function requestsTo(page: Page, path: string, forMs: number): Promise<number> {
    let count = 0;
    const onRequest = (request: { url(): string }) => {
      if (new URL(request.url()).pathname === path) count++;
    };
    page.on("request", onRequest);
    await page.waitForTimeout(forMs);
    page.off("request", onRequest);
    return count;
  }

  const VIEW = "/jobs?window=24h&refresh=1";

  test("fetches once per refresh of the server while the stream is alive, not once a second", async ({
    page,
  }) => {
    const streams: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/stream")) streams.push(request.url());
    });
    await page.goto(`${origin}${VIEW}`);
    await expect(page.locator("tbody tr[data-job-id]").first()).toBeVisible();
    // Once the stream has spoken, polling every second stops: the cache refreshes every 6 s.
    await page.waitForTimeout(2000);
    // Jobs move between refreshes, so each refresh is a new answer the page is told of and fetches.
    const stopClock = keepChanging(() => cluster.advanceClock(60), 3000);
    const fetches = await requestsTo(page, "/api/jobs", 15_000);
    await stopClock();
    expect(fetches).toBeGreaterThanOrEqual(1); // refreshes were seen
    expect(fetches).toBeLessThanOrEqual(5); // polling would have been about 15
    expect(streams).toHaveLength(1);
  });

  test("polls at its interval when the stream cannot be had", async ({ page }) => {
    await page.route("**/api/stream**", (route) => route.abort());
    await page.goto(`${origin}${VIEW}`);
    await expect(page.locator("tbody tr[data-job-id]").first()).toBeVisible();
    expect(await requestsTo(page, "/api/jobs", 8000)).toBeGreaterThanOrEqual(5);
  });

  test("two tabs share one stream, and the second takes it over when the first goes", async ({ context }) => {
    const streams: string[] = [];
    context.on("request", (request) => {
      if (request.url().includes("/api/stream")) streams.push(request.url());
    });
    const first = await context.newPage();
    await first.goto(`${origin}${VIEW}`);
    await expect(first.locator("tbody tr[data-job-id]").first()).toBeVisible();
    const second = await context.newPage();
    await second.goto(`${origin}${VIEW}`);
    await expect(second.locator("tbody tr[data-job-id]").first()).toBeVisible();
    await second.waitForTimeout(3000);
    expect(streams).toHaveLength(1);
    // The second tab hears the refreshes through the first one's stream: it fetches, and does not poll.
    const stopClock = keepChanging(() => cluster.advanceClock(60), 3000);
    const heard = await requestsTo(second, "/api/jobs", 13_000);
    await stopClock();
    expect(heard).toBeGreaterThanOrEqual(1);
    expect(heard).toBeLessThanOrEqual(5);
    await first.close();
    await expect.poll(() => streams.length, { timeout: 10_000 }).toBe(2);
  });
});
