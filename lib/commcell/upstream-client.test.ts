// The dashboard's CommCell client against the simulator over HTTP: sign-in, 401 renewal, paging, and each
// fault mapped to the right kind of error.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs/job";
import { sameJob } from "@/lib/jobs/same-job";
import type { RunningSimulator } from "@/lib/simulator/http/server";
import { admin, startTestSimulator } from "@/lib/simulator/testing";
import { commCellFailure } from "@/lib/test/failure";
import { fetchJobs, type UpstreamJobQuery } from "./job-fetch";
import { FULL_REFRESH_MS, refreshJobs } from "./job-refresh";
import { login } from "./login";
import type { UpstreamSession } from "./session";
import { TokenSource } from "./token-source";

let sim: RunningSimulator;
let signIns = 0;
let session: UpstreamSession;

const everything: UpstreamJobQuery = {
  category: "all",
  jobFilter: "",
  clientId: null,
  lookupSeconds: 7 * 86_400,
};
const paging = { pageSize: 100, concurrency: 3, maxPages: 1000 };

beforeAll(async () => {
  sim = await startTestSimulator();
  session = {
    root: sim.url,
    timeoutMs: 2000,
    tokens: new TokenSource(async () => {
      signIns++;
      return (await login(sim.url, "admin", "admin", 2000)).token;
    }),
  };
});
afterAll(() => sim.close());
afterEach(async () => {
  await admin(sim, "POST", "faults/reset");
});

const failure = commCellFailure;

describe("login", () => {
  it("returns the token, and refuses wrong credentials in plain words", async () => {
    expect((await login(sim.url, "admin", "admin", 2000)).token).toMatch(/^QSDK /);
    const error = await failure(login(sim.url, "admin", "wrong", 2000));
    expect(error.kind).toBe("auth");
    expect(error.message).toBe("The CommCell refused the sign-in: Invalid Username or Password.");
  });

  it("gives each account's GUID, the same at every sign-in, so accounts are told apart by it", async () => {
    const admin1 = await login(sim.url, "admin", "admin", 2000);
    const admin2 = await login(sim.url, "ADMIN", "admin", 2000);
    const viewer = await login(sim.url, "viewer", "viewer", 2000);
    expect(admin1.userGuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-/);
    expect(admin2.userGuid).toBe(admin1.userGuid);
    expect(viewer.userGuid).not.toBe(admin1.userGuid);
  });

  it("says when the account is locked", async () => {
    const locking = await startTestSimulator({ lockAfter: 1, lockSeconds: 600 });
    try {
      const error = await failure(login(locking.url, "admin", "wrong", 2000));
      expect(error.message).toBe(
        "The CommCell account is locked after too many failed sign-ins. Try again in 10 min.",
      );
    } finally {
      await locking.close();
    }
  });
});

describe("fetchJobs", () => {
  it("fetches every page and keeps the CommCell's order", async () => {
    const result = await fetchJobs(session, everything, paging);
    expect(result.upstreamTotal).toBeGreaterThan(300);
    expect(result.jobs).toHaveLength(result.upstreamTotal);
    expect(result.pages).toBe(Math.ceil(result.upstreamTotal / 100));
    const ids = result.jobs.map((job) => job.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("answers one page for a small answer and none extra for an empty one", async () => {
    const none = await fetchJobs(session, { ...everything, clientId: 999_999 }, paging);
    expect(none).toMatchObject({ jobs: [], upstreamTotal: 0, pages: 1 });
  });

  it("signs in again once when the token expires, for all concurrent requests", async () => {
    await fetchJobs(session, { ...everything, category: "active" }, paging);
    const before = signIns;
    await admin(sim, "POST", "tokens/expire");
    await Promise.all([
      fetchJobs(session, { ...everything, category: "active" }, paging),
      fetchJobs(session, { ...everything, category: "active" }, paging),
      fetchJobs(session, everything, paging),
    ]);
    expect(signIns - before).toBe(1);
  });

  it("retries a GET after a 5xx, and succeeds when the CommCell recovers", async () => {
    // Every second request fails: each page's first try gets a 500, its retry an answer.
    await admin(sim, "PUT", "faults", { errorRate: 0.5 });
    const result = await fetchJobs(session, { ...everything, category: "active" }, paging);
    expect(result.pages).toBe(1);
  });

  it("maps each fault of the CommCell to its kind", async () => {
    const cases = [
      [{ body: "html" }, "http", /HTTP 503: 503 - Service Unavailable/],
      [{ body: "errlist" }, "upstream", /Job Manager service is not responding/],
      [{ body: "truncated" }, "parse", /truncated JSON/],
      [{ body: "malformed" }, "parse", /malformed or truncated JSON/],
      [{ errorRate: 1 }, "http", /HTTP 500/],
    ] as const;
    for (const [fault, kind, message] of cases) {
      await admin(sim, "POST", "faults/reset");
      await admin(sim, "PUT", "faults", fault);
      const error = await failure(fetchJobs(session, everything, paging));
      expect(error.kind, JSON.stringify(fault)).toBe(kind);
      expect(error.message).toMatch(message);
    }
  });

  it("times out on a CommCell that does not answer, and on one that drips", async () => {
    await admin(sim, "PUT", "faults", { latencyMs: 3000 });
    const slow = await failure(fetchJobs({ ...session, timeoutMs: 300 }, everything, paging));
    expect(slow.kind).toBe("timeout");
    expect(slow.message).toMatch(/did not answer within/);
    await admin(sim, "PUT", "faults", { latencyMs: 0, dripBytesPerSecond: 2000 });
    const drip = await failure(fetchJobs({ ...session, timeoutMs: 500 }, everything, paging));
    expect(drip.kind).toBe("timeout");
    expect(drip.message).toMatch(/did not finish sending its answer/);
  });

  it("says when the CommCell refuses connections", async () => {
    await admin(sim, "PUT", "faults", { refuse: true });
    const error = await failure(fetchJobs(session, everything, paging));
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(
      /Cannot reach the CommCell at 127\.0\.0\.1:\d+: the connection was refused\./,
    );
  });
});

describe("refreshJobs", () => {
  it("merges a partial refresh into the same jobs a full fetch gives", async () => {
    const query = { category: "all", jobFilter: "", clientId: null, lookupSeconds: 7 * 86_400 } as const;
    let now = Date.now();
    const clock = () => now;
    const first = await refreshJobs(session, query, paging, null, clock);
    expect(first).toMatchObject({ incremental: false, fullAt: now });
    // Eight simulated minutes on both clocks, within the full-refresh interval: jobs move meanwhile.
    await admin(sim, "POST", "clock/advance", { seconds: 480 });
    now += 480 * 1000;
    const merged = await refreshJobs(
      session,
      query,
      paging,
      { value: first, fetchedAt: first.fullAt },
      clock,
    );
    expect(merged.incremental).toBe(true);
    expect(merged.pages).toBeLessThan(first.pages);
    const whole = await refreshJobs(session, query, paging, null, clock);
    const view = (jobs: typeof whole.jobs) =>
      jobs.map((job) => `${job.id}:${job.status}:${job.percentComplete}`);
    // Every job of a full fetch, in the same state and order; besides them only finished jobs that fell out
    // of the window meanwhile, which the next full fetch drops.
    const wholeIds = new Set(whole.jobs.map((job) => job.id));
    expect(view(merged.jobs.filter((job) => wholeIds.has(job.id)))).toEqual(view(whole.jobs));
    const extras = merged.jobs.filter((job) => !wholeIds.has(job.id));
    expect(extras.every((job) => !job.active)).toBe(true);
    expect(extras.length).toBeLessThan(10);
    // Jobs that were finished and were fetched again unchanged are still the objects held before.
    const held = new Map(first.jobs.map((job) => [job.id, job]));
    const finished = merged.jobs.filter((job) => !held.get(job.id)?.active && held.has(job.id));
    expect(finished.length).toBeGreaterThan(0);
    for (const job of finished) expect(job).toBe(held.get(job.id));
  });

  it("fetches whole views of active jobs and, every so often, every view", async () => {
    let now = Date.now();
    const clock = () => now;
    const active = { category: "active", jobFilter: "", clientId: null, lookupSeconds: 86_400 } as const;
    const first = await refreshJobs(session, active, paging, null, clock);
    expect(
      (await refreshJobs(session, active, paging, { value: first, fetchedAt: now }, clock)).incremental,
    ).toBe(false);
    const week = { ...active, category: "all" } as const;
    const full = await refreshJobs(session, week, paging, null, clock);
    // Ten simulated minutes on both clocks: running jobs move meanwhile.
    await admin(sim, "POST", "clock/advance", { seconds: FULL_REFRESH_MS / 1000 });
    now += FULL_REFRESH_MS;
    const again = await refreshJobs(session, week, paging, { value: full, fetchedAt: now - 1000 }, clock);
    expect(again.incremental).toBe(false);
    // A full fetch keeps the objects of the jobs it found unchanged, and only those.
    const held = new Map(full.jobs.map((job) => [job.id, job]));
    const unchanged = (job: Job) => {
      const before = held.get(job.id);
      return before !== undefined && sameJob(before, job);
    };
    const kept = again.jobs.filter((job) => held.get(job.id) === job);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(again.jobs.length);
    expect(again.jobs.filter(unchanged).map((job) => job.id)).toEqual(kept.map((job) => job.id));
  });
});
