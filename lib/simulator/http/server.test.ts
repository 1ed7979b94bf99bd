// The simulator's protocol over real HTTP: status codes, sign-in, paging arithmetic, filters, formats,
// job actions and every fault.

import { XMLParser } from "fast-xml-parser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { admin, call, signIn, startTestSimulator } from "../testing";
import type { RunningSimulator } from "./server";

type JobList = { totalRecordsWithoutPaging: number; jobs?: { jobSummary: Record<string, unknown> }[] };

let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  sim = await startTestSimulator();
  token = await signIn(sim);
});
afterAll(() => sim.close());
afterEach(async () => {
  await admin(sim, "POST", "faults/reset");
});

async function jobs(search: string, headers: Record<string, string> = {}): Promise<JobList> {
  const response = await call(sim, "GET", `Job${search}`, { token, json: true, headers });
  expect(response.status).toBe(200);
  return JSON.parse(response.body) as JobList;
}

describe("authentication", () => {
  it("answers 401 to every call but Login without a valid token", async () => {
    for (const [method, path] of [
      ["GET", "Job"],
      ["GET", "Job/1000"],
      ["GET", "Client"],
      ["POST", "JobDetails"],
      ["POST", "Job/1000/action/kill"],
    ] as const) {
      expect((await call(sim, method, path)).status).toBe(401);
      expect((await call(sim, method, path, { token: "QSDK forged" })).status).toBe(401);
    }
  });

  it("signs in with base64 passwords and refuses wrong ones the CommCell way", async () => {
    const bad = await call(sim, "POST", "Login", {
      json: true,
      body: { username: "admin", password: Buffer.from("nope").toString("base64") },
    });
    expect(bad.status).toBe(200);
    const body = JSON.parse(bad.body);
    expect(body.token).toBeUndefined();
    expect(body.errList[0].errLogMessage).toBe("Invalid Username or Password");
    expect((await call(sim, "POST", "Login", { body: "not json" })).status).toBe(400);
  });

  it("locks the account after repeated failures", async () => {
    const locking = await startTestSimulator({ lockAfter: 2, lockSeconds: 60 });
    try {
      const attempt = () =>
        call(locking, "POST", "Login", {
          json: true,
          body: { username: "admin", password: Buffer.from("x").toString("base64") },
        });
      await attempt();
      const locked = JSON.parse((await attempt()).body);
      expect(locked).toMatchObject({ isAccountLocked: true, remainingLockTime: 60 });
      await expect(signIn(locking)).rejects.toThrow(/locked/);
    } finally {
      await locking.close();
    }
  });

  it("expires tokens after the idle time", async () => {
    const short = await startTestSimulator({ tokenIdleSeconds: 1 });
    try {
      const fresh = await signIn(short);
      expect((await call(short, "GET", "Client", { token: fresh })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await call(short, "GET", "Client", { token: fresh })).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it("expires every token on demand, logs out and renews", async () => {
    const first = await signIn(sim);
    const renewed = JSON.parse(
      (await call(sim, "POST", "RenewLoginToken", { json: true, body: { sessionId: first } })).body,
    ).token;
    expect(renewed).toMatch(/^QSDK /);
    expect((await call(sim, "GET", "Client", { token: first })).status).toBe(401);
    const logout = await call(sim, "POST", "Logout", { token: renewed });
    expect(logout.body).toBe("User logged out");
    expect((await call(sim, "GET", "Client", { token: renewed })).status).toBe(401);

    const other = await signIn(sim);
    expect((await admin(sim, "POST", "tokens/expire")).json).toMatchObject({ expired: expect.any(Number) });
    expect((await call(sim, "GET", "Client", { token: other })).status).toBe(401);
    token = await signIn(sim);
  });
});

describe("GET /Job", () => {
  it("answers XML by default, with string attributes as the seed shows", async () => {
    const response = await call(sim, "GET", "Job?jobFilter=&limit=3", { token });
    expect(response.headers.get("content-type")).toContain("application/xml");
    expect(response.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8" standalone="no" \?><JobManager_JobListResponse totalRecordsWithoutPaging="\d+">/,
    );
    expect(response.body).toMatch(/percentComplete="\d+\.000000"/);
    const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(response.body);
    expect(tree.JobManager_JobListResponse.jobs).toHaveLength(3);
  });

  it("answers JSON when asked", async () => {
    const response = await call(sim, "GET", "Job?limit=2", { token, json: true });
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = JSON.parse(response.body) as JobList;
    expect(typeof body.totalRecordsWithoutPaging).toBe("number");
    expect(typeof body.jobs?.[0]?.jobSummary.jobId).toBe("number");
  });

  it("pages by headers and query alike, with the total before paging", async () => {
    const everything = await jobs("?jobFilter=&completedJobLookupTime=604800", { limit: "100000" });
    const total = everything.totalRecordsWithoutPaging;
    expect(total).toBeGreaterThan(300);
    expect(everything.jobs).toHaveLength(total);
    const ids = everything.jobs?.map((j) => j.jobSummary.jobId);
    const seen: unknown[] = [];
    for (let offset = 0; offset < total; offset += 100) {
      const page =
        offset % 200 === 0
          ? await jobs(`?jobFilter=&completedJobLookupTime=604800`, { limit: "100", offset: String(offset) })
          : await jobs(`?jobFilter=&completedJobLookupTime=604800&limit=100&offset=${offset}`);
      expect(page.totalRecordsWithoutPaging).toBe(total);
      seen.push(...(page.jobs ?? []).map((j) => j.jobSummary.jobId));
    }
    expect(seen).toEqual(ids);
    const beyond = await jobs("?jobFilter=&completedJobLookupTime=604800", { offset: String(total + 10) });
    expect(beyond).toEqual({ totalRecordsWithoutPaging: total });
  });

  it("gives backups only by default, everything for an empty jobFilter", async () => {
    const defaults = await jobs("?completedJobLookupTime=604800", { limit: "100000" });
    expect(new Set(defaults.jobs?.map((j) => j.jobSummary.jobType))).toEqual(new Set(["Backup"]));
    const all = await jobs("?jobFilter=&completedJobLookupTime=604800", { limit: "100000" });
    expect(all.totalRecordsWithoutPaging).toBeGreaterThan(defaults.totalRecordsWithoutPaging);
    const restores = await jobs("?jobFilter=Restore,14&completedJobLookupTime=2592000", { limit: "100000" });
    expect(new Set(restores.jobs?.map((j) => j.jobSummary.jobType))).toEqual(
      new Set(["Restore", "Synthetic Full"]),
    );
  });

  it("filters by category, client and lookup time", async () => {
    const active = await jobs("?jobCategory=Active&jobFilter=", { limit: "1000" });
    expect(active.totalRecordsWithoutPaging).toBeGreaterThan(0);
    // A job that has not ended carries no jobEndTime key, as the captured running job (samples 01, 02).
    expect(active.jobs?.every((j) => !("jobEndTime" in j.jobSummary))).toBe(true);
    const finished = await jobs("?jobCategory=Finished&jobFilter=&completedJobLookupTime=3600", {
      limit: "1000",
    });
    const now = (await admin(sim, "GET", "state")).json as { now: number };
    expect(finished.jobs?.every((j) => (j.jobSummary.jobEndTime as number) >= now.now - 3600 - 5)).toBe(true);
    const someClient = (await jobs("?limit=1")).jobs?.[0]?.jobSummary.subclient as { clientId: number };
    const client = await jobs(`?clientId=${someClient.clientId}&completedJobLookupTime=31536000`, {
      limit: "1000",
    });
    expect(
      client.jobs?.every(
        (j) => (j.jobSummary.subclient as { clientId: number }).clientId === someClient.clientId,
      ),
    ).toBe(true);
  });

  it("refuses bad parameters with a CommCell error body", async () => {
    const response = await call(sim, "GET", "Job?jobCategory=Sometimes", { token, json: true });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).errorMessage).toContain("jobCategory");
  });

  it("answers one job by id, and no job for an unknown id", async () => {
    const first = (await jobs("?limit=1")).jobs?.[0]?.jobSummary.jobId as number;
    const one = JSON.parse((await call(sim, "GET", `Job/${first}`, { token, json: true })).body) as JobList;
    expect(one.totalRecordsWithoutPaging).toBe(1);
    expect(one.jobs?.[0]?.jobSummary.jobId).toBe(first);
    const none = JSON.parse((await call(sim, "GET", "Job/1", { token, json: true })).body);
    expect(none).toEqual({ totalRecordsWithoutPaging: 0 });
  });
});

describe("the other endpoints", () => {
  it("lists clients", async () => {
    const body = JSON.parse((await call(sim, "GET", "Client", { token, json: true })).body);
    expect(body.clientProperties.length).toBeGreaterThan(60);
    expect(body.clientProperties[0].client.clientEntity).toMatchObject({ clientId: 2, clientName: "cs01" });
  });

  it("gives job details in the captured shape", async () => {
    const first = (await jobs("?limit=1")).jobs?.[0]?.jobSummary.jobId as number;
    const body = JSON.parse(
      (await call(sim, "POST", "JobDetails", { token, json: true, body: { jobId: first } })).body,
    );
    expect(Object.keys(body.job.jobDetail).sort()).toEqual(["detailInfo", "generalInfo", "progressInfo"]);
    expect(body.job.jobDetail.generalInfo.jobId).toBe(first);
    expect(typeof body.job.jobDetail.detailInfo.sizeOfApplication).toBe("string");
  });

  it("pauses, resumes and kills jobs, changing what GET /Job says", async () => {
    const running = (await jobs("?jobCategory=Active&jobFilter=", { limit: "1000" })).jobs?.filter(
      (j) => j.jobSummary.status === "Running",
    );
    const [one, two] = running ?? [];
    if (!one || !two) throw new Error("the test simulator should have two running jobs");
    const id = one.jobSummary.jobId;
    const status = async (jobId: unknown) =>
      (JSON.parse((await call(sim, "GET", `Job/${jobId}`, { token, json: true })).body) as JobList).jobs?.[0]
        ?.jobSummary.status;

    expect((await call(sim, "POST", `Job/${id}/action/pause`, { token, json: true })).body).toBe("{}");
    expect(await status(id)).toBe("Suspend Pending");
    await admin(sim, "POST", "clock/advance", { seconds: 10 });
    expect(await status(id)).toBe("Suspended");
    await call(sim, "POST", `Job/${id}/action/resume`, { token, json: true });
    expect(await status(id)).toBe("Running");
    await call(sim, "POST", `Job/${two.jobSummary.jobId}/action/kill`, { token, json: true });
    expect(await status(two.jobSummary.jobId)).toBe("Kill Pending");
    await admin(sim, "POST", "clock/advance", { seconds: 5 });
    expect(await status(two.jobSummary.jobId)).toBe("Killed");
    const again = JSON.parse(
      (await call(sim, "POST", `Job/${two.jobSummary.jobId}/action/kill`, { token, json: true })).body,
    );
    expect(again.errorMessage).toContain("not active");
    expect((await call(sim, "POST", `Job/${id}/action/explode`, { token, json: true })).status).toBe(404);
  });

  it("moves time on the admin clock", async () => {
    const before = ((await admin(sim, "GET", "state")).json as { now: number }).now;
    const after = ((await admin(sim, "POST", "clock/advance", { seconds: 3600 })).json as { now: number })
      .now;
    expect(after - before).toBeGreaterThanOrEqual(3600);
    expect((await admin(sim, "POST", "clock/advance", { seconds: -1 })).status).toBe(400);
  });

  it("answers 404 outside the web-service root", async () => {
    const response = await fetch(new URL("/Job", sim.url));
    expect(response.status).toBe(404);
  });
});

describe("faults on demand", () => {
  it("adds latency", async () => {
    await admin(sim, "PUT", "faults", { latencyMs: 300 });
    const started = Date.now();
    await call(sim, "GET", "Client", { token });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("drips the body slowly", async () => {
    await admin(sim, "PUT", "faults", { dripBytesPerSecond: 20_000 });
    const started = Date.now();
    const response = await call(sim, "GET", "Job?limit=20&jobFilter=", { token });
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeGreaterThanOrEqual((Buffer.byteLength(response.body) / 20_000) * 0.8);
    expect(response.body).toMatch(/<\/JobManager_JobListResponse>$/);
  });

  it("answers the share of 500s asked for", async () => {
    await admin(sim, "PUT", "faults", { errorRate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await call(sim, "GET", "Client", { token })).status);
    expect(statuses.filter((s) => s === 500)).toHaveLength(5);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
  });

  it("sends an IIS error page", async () => {
    await admin(sim, "PUT", "faults", { body: "html" });
    const response = await call(sim, "GET", "Job", { token });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.body).toContain("<title>503 - Service Unavailable</title>");
  });

  it("sends truncated and malformed job lists", async () => {
    await admin(sim, "PUT", "faults", { body: "truncated" });
    const truncated = await call(sim, "GET", "Job?jobFilter=&limit=5", { token });
    expect(truncated.status).toBe(200);
    expect(truncated.body).not.toContain("</JobManager_JobListResponse>");
    await admin(sim, "PUT", "faults", { body: "malformed" });
    const json = await call(sim, "GET", "Job?jobFilter=&limit=5", { token, json: true });
    expect(() => JSON.parse(json.body)).toThrow();
    const xml = await call(sim, "GET", "Job?jobFilter=&limit=5", { token });
    expect(xml.body).toContain("</job>");
  });

  it("sends a 200 with an errList", async () => {
    await admin(sim, "PUT", "faults", { body: "errlist" });
    const response = await call(sim, "GET", "Job", { token, json: true });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).errList[0].errorCode).toBe(5);
  });

  it("refuses connections, and recovers", async () => {
    await admin(sim, "PUT", "faults", { refuse: true });
    const failure = await fetch(new URL("Client", sim.url), { headers: { Authtoken: token } }).catch(
      (error: Error) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error & { cause?: { code?: string } }).cause?.code)).toBe("ECONNREFUSED");
    await admin(sim, "PUT", "faults", { refuse: false });
    expect((await call(sim, "GET", "Client", { token })).status).toBe(200);
  });

  it("refuses bad fault settings with a reason", async () => {
    const response = await admin(sim, "PUT", "faults", { errorRate: "lots" });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'errorRate must be a number from 0 to 1 (got "lots")' });
  });

  it("dates its answers on its own simulated clock, as a CommCell's Date header is on its clock", async () => {
    const answer = await fetch(new URL("Job?limit=1", sim.url));
    const date = Date.parse(answer.headers.get("date") ?? "");
    expect(Math.abs(date - sim.commcell.now() * 1000)).toBeLessThanOrEqual(1000);
  });

  it("binds the admin endpoint to loopback only", () => {
    expect(new URL(sim.adminUrl).hostname).toBe("127.0.0.1");
  });

  it("answers the admin endpoint only with its token, and never a browser page", async () => {
    const url = new URL("faults/reset", sim.adminUrl);
    expect((await fetch(url, { method: "POST" })).status).toBe(401);
    expect((await fetch(url, { method: "POST", headers: { Authorization: "Bearer wrong" } })).status).toBe(
      401,
    );
    const bearer = { Authorization: `Bearer ${sim.adminToken}` };
    expect(
      (await fetch(url, { method: "POST", headers: { ...bearer, Origin: "https://evil.example" } })).status,
    ).toBe(401);
    expect((await fetch(url, { method: "POST", headers: bearer })).status).toBe(200);
    expect(sim.adminToken.length).toBeGreaterThanOrEqual(24);
  });
});
