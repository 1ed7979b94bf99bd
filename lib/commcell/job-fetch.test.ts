// Paging against a CommCell that lies about its total: every page and byte it sends is bounded.

import { afterEach, describe, expect, it } from "vitest";
import { commCellFailure } from "@/lib/test/failure";
import { startTestServer, type TestServer } from "@/lib/test/http-server";
import { fetchJobs, type Paging } from "./job-fetch";
import { refreshJobs } from "./job-refresh";
import type { UpstreamSession } from "./session";
import { TokenSource } from "./token-source";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const query = { category: "all", jobFilter: "", clientId: null, lookupSeconds: 86_400 } as const;
const paging: Paging = { pageSize: 10, concurrency: 3, maxPages: 100 };

/** A CommCell holding `held` jobs (newest first) that claims `claimed` of them in every page. */
async function commcell(
  held: number,
  claimed: number | string,
): Promise<{ server: TestServer; session: UpstreamSession }> {
  const server = await startTestServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const offset = Number(url.searchParams.get("offset"));
    const limit = Number(url.searchParams.get("limit"));
    const jobs = [];
    for (let i = offset; i < Math.min(held, offset + limit); i++) {
      jobs.push({
        jobSummary: { jobId: held - i, status: "Completed", jobEndTime: Math.floor(Date.now() / 1000) },
      });
    }
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(`{"totalRecordsWithoutPaging":${claimed},"jobs":${JSON.stringify(jobs)}}`);
  });
  servers.push(server);
  return { server, session: { root: server.url, timeoutMs: 5000, tokens: new TokenSource(null, "QSDK t") } };
}

const failure = commCellFailure;

describe("fetchJobs against a CommCell that lies", () => {
  it("treats an absurd total as a parse error, after one request", async () => {
    const { server, session } = await commcell(5, "1e12");
    const error = await failure(fetchJobs(session, query, paging));
    expect(error.kind).toBe("parse");
    expect(error.message).toContain("1000000000000 jobs");
    expect(server.received).toHaveLength(1);
  });

  it("refuses a total past the page limit, naming the setting, without fetching it", async () => {
    const { server, session } = await commcell(5, 5000);
    const error = await failure(fetchJobs(session, query, { ...paging, maxPages: 100 }));
    expect(error.message).toContain("COMMVAULT_MAX_PAGES");
    expect(server.received).toHaveLength(1);
  });

  it("stops at a short first page whatever the total claims", async () => {
    const { server, session } = await commcell(4, 900);
    const result = await fetchJobs(session, query, paging);
    expect(result.jobs).toHaveLength(4);
    expect(server.received).toHaveLength(1);
  });

  it("stops at the first short or empty page, not at the claimed total", async () => {
    const { server, session } = await commcell(35, 900);
    const result = await fetchJobs(session, query, { ...paging, concurrency: 1 });
    expect(result.jobs.map((job) => job.id)).toEqual(Array.from({ length: 35 }, (_, i) => 35 - i));
    // Pages at 0, 10, 20 full, 30 short: four requests, not ninety.
    expect(server.received).toHaveLength(4);
  });

  it("reads a truthful CommCell whole", async () => {
    const { server, session } = await commcell(30, 30);
    const result = await fetchJobs(session, query, paging);
    expect(result.jobs).toHaveLength(30);
    expect(server.received).toHaveLength(3);
  });
});

describe("refreshJobs and the window", () => {
  it("keeps out jobs a CommCell sends from outside the window, measured on the CommCell's clock", async () => {
    const ahead = 3 * 3600_000;
    const now = Date.now();
    const server = await startTestServer((_, res) => {
      const ended = (ms: number) => Math.floor((now + ahead - ms) / 1000);
      res.writeHead(200, { "Content-Type": "application/json", Date: new Date(now + ahead).toUTCString() });
      res.end(
        JSON.stringify({
          totalRecordsWithoutPaging: 3,
          jobs: [
            { jobSummary: { jobId: 3, status: "Failed", jobEndTime: ended(30 * 60_000) } },
            // Ignoring completedJobLookupTime=3600: a failure of 370 days ago.
            { jobSummary: { jobId: 2, status: "Failed", jobEndTime: ended(370 * 86_400_000) } },
            // Fifty minutes ago on the CommCell's clock (in the future on ours): inside the hour.
            { jobSummary: { jobId: 1, status: "Failed", jobEndTime: ended(50 * 60_000) } },
          ],
        }),
      );
    });
    servers.push(server);
    const session = { root: server.url, timeoutMs: 5000, tokens: new TokenSource(null, "QSDK t") };
    const result = await refreshJobs(session, { ...query, lookupSeconds: 3600 }, paging, null);
    expect(result.jobs.map((job) => job.id)).toEqual([3, 1]);
    expect(Math.abs(result.clockOffsetMs - ahead)).toBeLessThan(5000);
  });
});
