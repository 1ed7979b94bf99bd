import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiFailure, refreshHeld } from "./fetch-api";

// A real HTTP server on loopback that answers as the API does: a tagged body, a 304 to its tag.
let server: Server;
let base = "";
let body = { version: 1 };
let requests: Array<string | undefined> = [];
let derivedAsks: Array<string | undefined> = [];
const LARGE = {
  jobs: Array.from({ length: 10_000 }, (_, id) => ({ id, client: `fs-lön-${id % 97}`, status: "Completed" })),
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const sent = request.headers["if-none-match"];
    requests.push(sent);
    const etag = `"v${body.version}"`;
    if (request.url === "/gzip") {
      // As conditionalJson answers a client that says it reads gzip.
      const asked = request.headers["x-body-encoding"] === "gzip";
      response.writeHead(200, {
        "Content-Type": asked ? "application/gzip" : "application/json",
        ...(asked ? { "X-Body-Encoding": "gzip" } : {}),
      });
      response.end(asked ? gzipSync(JSON.stringify({ client: "fs-lön-001" })) : "{}");
      return;
    }
    if (request.url === "/gzip-large" || request.url === "/gzip-broken") {
      // A body big enough to come in many chunks, written in small pieces; or bytes that are not gzip.
      const zipped =
        request.url === "/gzip-large" ? gzipSync(JSON.stringify(LARGE)) : Buffer.from("not gzip at all");
      response.writeHead(200, { "Content-Type": "application/gzip", "X-Body-Encoding": "gzip" });
      for (let i = 0; i < zipped.length; i += 4096) response.write(zipped.subarray(i, i + 4096));
      response.end();
      return;
    }
    if (request.url === "/gzip-stalled") {
      // The head and a first piece of the body, and then nothing: the rest never comes.
      response.writeHead(200, { "Content-Type": "application/gzip", "X-Body-Encoding": "gzip" });
      response.write(gzipSync(JSON.stringify(LARGE)).subarray(0, 4096));
      return;
    }
    if (request.url === "/derivable" || request.url === "/confirms-anyway") {
      // As /api/jobs answers: without rows when the page names the held view by its current tag (or,
      // wrongly, always), with them otherwise.
      derivedAsks.push(request.headers["x-derived-from"] as string | undefined);
      const confirms =
        request.url === "/confirms-anyway" || request.headers["x-derived-from-tag"] === '"held"';
      response.writeHead(200, {
        "Content-Type": "application/json",
        ETag: '"sorted"',
        ...(confirms ? { "X-Derived-Rows": "confirmed" } : {}),
      });
      response.end(JSON.stringify(confirms ? { total: 2 } : { total: 2, jobs: [2, 1] }));
      return;
    }
    if (request.url === "/always-304" || sent === etag) {
      response.writeHead(304, {
        ETag: etag,
        ...(request.url === "/dated" ? { "X-Fetched-At": "2026-12-02T10:00:10.000Z" } : {}),
        ...(request.url === "/misdated" ? { "X-Fetched-At": "yesterday-ish" } : {}),
      });
      response.end();
      return;
    }
    response.writeHead(200, { "Content-Type": "application/json", ETag: etag });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("refreshHeld", () => {
  it("takes a fresh answer and its tag when nothing is held, sending no tag", async () => {
    requests = [];
    body = { version: 1 };
    const answer = await refreshHeld<typeof body>(`${base}/view`, undefined, undefined, '"v1"');
    expect(answer.data).toEqual({ version: 1 });
    expect(answer.etag).toBe('"v1"');
    expect(requests).toEqual([undefined]);
  });

  it("keeps the held answer, the same object, on a 304 to its tag", async () => {
    const held = { version: 1 };
    const answer = await refreshHeld(`${base}/view`, undefined, held, '"v1"');
    expect(answer.data).toBe(held);
    expect(answer.etag).toBe('"v1"');
  });

  it("takes the new answer when the view changed", async () => {
    body = { version: 2 };
    const answer = await refreshHeld(`${base}/view`, undefined, { version: 1 }, '"v1"');
    expect(answer.data).toEqual({ version: 2 });
    expect(answer.etag).toBe('"v2"');
  });

  it("says so when the server answers 304 to a request that named no tag", async () => {
    const refused = refreshHeld(`${base}/always-304`, undefined, undefined, null);
    await expect(refused).rejects.toBeInstanceOf(ApiFailure);
    await expect(refused).rejects.toThrow(/304 to a request without a tag/);
  });

  it("asks for the gzip made once and reads it", async () => {
    const answer = await refreshHeld(`${base}/gzip`, undefined, undefined, null);
    expect(answer.data).toEqual({ client: "fs-lön-001" });
  });

  it("reads a large gzip body that arrives in many chunks, whole", async () => {
    const answer = await refreshHeld(`${base}/gzip-large`, undefined, undefined, null);
    expect(answer.data).toEqual(LARGE);
  });

  it("says the answer was not JSON when its gzip is broken", async () => {
    const failure = await refreshHeld(`${base}/gzip-broken`, undefined, undefined, null).catch((e) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).message).toBe("The server's answer was not JSON.");
  });

  it("is cancelled, not 'not JSON', when its signal aborts while the body is being read", async () => {
    const controller = new AbortController();
    const reading = refreshHeld(`${base}/gzip-stalled`, controller.signal, undefined, null).catch((e) => e);
    // Long after the head has come (the server wrote it at once); had it not, fetch itself is aborted,
    // which ends the same way.
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    const failure = await reading;
    expect(failure).not.toBeInstanceOf(ApiFailure);
    expect((failure as Error).name).toBe("AbortError");
  });

  it("takes the time of the refresh that found a held view unchanged from the 304's header", async () => {
    body = { version: 1 };
    const held = { version: 1, fetchedAt: "2026-12-02T10:00:00.000Z" };
    const dated = await refreshHeld(`${base}/dated`, undefined, held, '"v1"');
    expect(dated.data).toEqual({ version: 1, fetchedAt: "2026-12-02T10:00:10.000Z" });
    expect(held.fetchedAt).toBe("2026-12-02T10:00:00.000Z");
    // No header, or one that is not a time: the held view as it was.
    expect((await refreshHeld(`${base}/view`, undefined, held, '"v1"')).data).toBe(held);
    expect((await refreshHeld(`${base}/misdated`, undefined, held, '"v1"')).data).toBe(held);
  });

  describe("a view the page derived from one it holds", () => {
    type View = { total: number; jobs: number[] };
    const local: View = { total: 2, jobs: [2, 1] };
    const derived = (etag: string, total = 2) => ({
      from: { query: "sort=-id", etag },
      complete: (rest: unknown) => {
        const answer = rest as { total: number };
        return answer.total === total ? { ...answer, jobs: local.jobs } : null;
      },
    });
    const refreshDerived = (etag: string, total = 2) =>
      refreshHeld<View>(`${base}/derivable`, undefined, undefined, null, derived(etag, total));

    it("names the held view and, confirmed, completes the rowless answer with the rows derived", async () => {
      derivedAsks = [];
      const answer = await refreshDerived('"held"');
      expect(derivedAsks).toEqual(["sort=-id"]);
      expect(answer.data).toEqual({ total: 2, jobs: [2, 1] });
      expect(answer.data.jobs).toBe(local.jobs);
      expect(answer.etag).toBe('"sorted"');
    });

    it("takes the server's rows when it does not confirm the held view", async () => {
      const answer = await refreshDerived('"old"');
      expect(answer.data).toEqual({ total: 2, jobs: [2, 1] });
      expect(answer.data.jobs).not.toBe(local.jobs);
    });

    it("asks again for the whole view when a confirmation does not fit the rows derived", async () => {
      derivedAsks = [];
      const answer = await refreshDerived('"held"', 3);
      // The second request names no held view, so the server sends the rows.
      expect(derivedAsks).toEqual(["sort=-id", undefined]);
      expect(answer.data).toEqual({ total: 2, jobs: [2, 1] });
      expect(answer.data.jobs).not.toBe(local.jobs);
    });

    it("reads a rowless answer it did not ask for as the answer it is", async () => {
      const answer = await refreshHeld<View>(`${base}/confirms-anyway`, undefined, undefined, null);
      expect(answer.data).toEqual({ total: 2 });
    });
  });
});
