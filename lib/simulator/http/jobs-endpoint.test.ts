// The calls Commvault's own SDK (cvpysdk) makes first: GET <root> before signing in, then POST Jobs with
// the body its JobController sends (commcell.py, job.py: active_jobs, finished_jobs, all_jobs).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, signIn, startTestSimulator } from "../testing";
import type { RunningSimulator } from "./server";

let sim: RunningSimulator;
let token: string;
beforeAll(async () => {
  sim = await startTestSimulator({ jobs: 3000 });
  token = await signIn(sim);
});
afterAll(() => sim.close());

type List = {
  totalRecordsWithoutPaging: number;
  jobs?: { jobSummary: { jobId: number; status: string; subclient?: { clientId: number } } }[];
};
const list = (body: string) => JSON.parse(body) as List;

/** The body cvpysdk's JobController sends, with the filters given. */
function sdkBody(
  category: 0 | 1 | 2,
  jobFilter: Record<string, unknown> = {},
  paging: Record<string, unknown> = {},
) {
  return {
    scope: 1,
    category,
    pagingConfig: { sortDirection: 1, offset: 0, sortField: "jobId", limit: 100, ...paging },
    jobFilter: {
      completedJobLookupTime: 7 * 86_400,
      showAgedJobs: false,
      hideAdminJobs: false,
      ...jobFilter,
    },
  };
}

describe("the web-service root", () => {
  it("answers 200 before any sign-in, with and without the trailing slash", async () => {
    expect((await call(sim, "GET", "")).status).toBe(200);
    const bare = await fetch(sim.url.replace(/\/$/, ""));
    expect(bare.status).toBe(200);
  });
});

describe("POST Jobs", () => {
  it("answers the same records as GET Job for the same category and lookup", async () => {
    const posted = list(
      (await call(sim, "POST", "Jobs", { token, json: true, body: sdkBody(2, {}, { limit: 50 }) })).body,
    );
    const got = list(
      (
        await call(sim, "GET", "Job?jobCategory=Finished&jobFilter=&completedJobLookupTime=604800&limit=50", {
          token,
          json: true,
        })
      ).body,
    );
    expect(posted.totalRecordsWithoutPaging).toBe(got.totalRecordsWithoutPaging);
    expect(posted.jobs?.map((j) => j.jobSummary)).toEqual(got.jobs?.map((j) => j.jobSummary));
  });

  it("reads the statuses, clients, job types and paging the SDKs send", async () => {
    const failed = list(
      (
        await call(sim, "POST", "Jobs", {
          token,
          json: true,
          body: sdkBody(0, { statusList: ["Failed", "Killed"], completedJobLookupTime: 365 * 86_400 }),
        })
      ).body,
    );
    expect(failed.totalRecordsWithoutPaging).toBeGreaterThan(0);
    expect(failed.jobs?.every((j) => ["Failed", "Killed"].includes(j.jobSummary.status))).toBe(true);

    const all = list(
      (await call(sim, "POST", "Jobs", { token, json: true, body: sdkBody(0, {}, { limit: 1000 }) })).body,
    );
    const [a, b] = [...new Set(all.jobs?.map((j) => j.jobSummary.subclient?.clientId).filter(Boolean))];
    const two = list(
      (
        await call(sim, "POST", "Jobs", {
          token,
          json: true,
          body: sdkBody(0, { clientList: [{ clientId: a }, { clientId: b }] }, { limit: 1000 }),
        })
      ).body,
    );
    expect(two.totalRecordsWithoutPaging).toBeGreaterThan(0);
    expect(two.jobs?.every((j) => [a, b].includes(j.jobSummary.subclient?.clientId))).toBe(true);

    const page = list(
      (
        await call(sim, "POST", "Jobs", {
          token,
          json: true,
          body: sdkBody(0, {}, { offset: 5, limit: 3, sortDirection: 0 }),
        })
      ).body,
    );
    expect(page.jobs).toHaveLength(3);
    const ids = page.jobs?.map((j) => j.jobSummary.jobId) ?? [];
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(page.totalRecordsWithoutPaging).toBe(all.totalRecordsWithoutPaging);
  });

  it("refuses a body it cannot read, saying what was wrong, and needs a token", async () => {
    const bad = await call(sim, "POST", "Jobs", { token, json: true, body: { category: 7 } });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("category");
    expect((await call(sim, "POST", "Jobs", { json: true, body: sdkBody(0) })).status).toBe(401);
  });
});
