import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FETCHED_AT_HEADER } from "@/lib/http/fetched-at";
import { BODY_ENCODING_HEADER } from "@/lib/http/gzipped-body";
import { SERVER_TIME_HEADER } from "@/lib/http/server-time";
import { conditionalJson, matchesTag, taggedJson, taggedView } from "./etag";

describe("conditional answers", () => {
  it("matches a tag in If-None-Match, in a list, weak, or *", () => {
    expect(matchesTag('"abc"', '"abc"')).toBe(true);
    expect(matchesTag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesTag("*", '"abc"')).toBe(true);
    expect(matchesTag('"abd"', '"abc"')).toBe(false);
    expect(matchesTag(null, '"abc"')).toBe(false);
  });

  it("answers 304 without a body to a matching tag, and the JSON otherwise, never to be stored", async () => {
    const asked = (tag?: string) =>
      new Request("http://localhost/api/jobs", tag ? { headers: { "If-None-Match": tag } } : {});
    const answer = { ...taggedJson({ jobs: [] }), etag: '"t1"' };
    const before = Date.now();
    const unchanged = await conditionalJson(asked('"t1"'), answer);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("etag")).toBe('"t1"');
    // The server's clock, on a 304 too: a wall measures age on it.
    expect(Number(unchanged.headers.get(SERVER_TIME_HEADER))).toBeGreaterThanOrEqual(before);
    const fresh = await conditionalJson(asked('"t0"'), answer);
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toEqual({ jobs: [] });
    expect(fresh.headers.get("cache-control")).toBe("no-store");
    expect(Number(fresh.headers.get(SERVER_TIME_HEADER))).toBeGreaterThanOrEqual(before);
  });

  it("sends the body's bytes made once", async () => {
    const answer = taggedJson({ jobs: [{ id: 1, client: "fs-lön-001" }] });
    const sent = await conditionalJson(new Request("http://localhost/api/jobs"), answer);
    expect(await sent.text()).toBe(answer.body);
    expect(Buffer.from(answer.bytes).toString("utf8")).toBe(answer.body);
  });

  it("tags a value by its JSON: the same JSON, the same tag; any change, another", () => {
    expect(taggedJson({ a: 1 }).etag).toBe(taggedJson({ a: 1 }).etag);
    expect(taggedJson({ a: 1 }).etag).not.toBe(taggedJson({ a: 2 }).etag);
    expect(taggedJson({ a: 1 }).body).toBe('{"a":1}');
  });

  it("sends the gzip made once to a client that reads it, opaque to Next and proxies; JSON to the rest", async () => {
    const answer = taggedJson({ jobs: [{ id: 1, client: "fs-lön-001" }] });
    const gzipAsked = () =>
      new Request("http://localhost/api/jobs", { headers: { [BODY_ENCODING_HEADER]: "deflate, GZIP" } });
    const sent = await conditionalJson(gzipAsked(), answer);
    expect(sent.status).toBe(200);
    expect(sent.headers.get(BODY_ENCODING_HEADER)).toBe("gzip");
    expect(sent.headers.get("content-type")).toBe("application/gzip");
    expect(sent.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(sent.headers.get("vary")).toBe(BODY_ENCODING_HEADER);
    expect(gunzipSync(Buffer.from(await sent.arrayBuffer())).toString("utf8")).toBe(answer.body);
    // Made once: the second request gets the very same bytes.
    expect(await answer.gzipped()).toBe(await answer.gzipped());
    // A tag still wins over the encoding: an unchanged view is a 304 either way.
    const tagged = new Request("http://localhost/api/jobs", {
      headers: { [BODY_ENCODING_HEADER]: "gzip", "If-None-Match": answer.etag },
    });
    expect((await conditionalJson(tagged, answer)).status).toBe(304);
    const other = new Request("http://localhost/api/jobs", { headers: { [BODY_ENCODING_HEADER]: "br" } });
    expect((await conditionalJson(other, answer)).headers.get("content-type")).toBe("application/json");
  });

  it("tags a view by what it shows, not by when it was fetched, and names the time on every answer", async () => {
    const at = (time: string) => taggedView({ jobs: [{ id: 1 }], stale: false }, time);
    const first = at("2026-12-02T10:00:00.000Z");
    const later = at("2026-12-02T10:00:10.000Z");
    expect(later.etag).toBe(first.etag);
    expect(JSON.parse(later.body)).toEqual({
      fetchedAt: "2026-12-02T10:00:10.000Z",
      jobs: [{ id: 1 }],
      stale: false,
    });
    expect(taggedView({ jobs: [{ id: 2 }], stale: false }, "2026-12-02T10:00:10.000Z").etag).not.toBe(
      first.etag,
    );
    expect(JSON.parse(taggedView({}, "2026-12-02T10:00:00.000Z").body)).toEqual({
      fetchedAt: "2026-12-02T10:00:00.000Z",
    });
    // What describes the refresh, not the view, is in the body and not in the tag: a refresh that took
    // another time to find the same jobs is still a 304.
    const refreshed = taggedView({ jobs: [{ id: 1 }], stale: false }, "2026-12-02T10:00:20.000Z", {
      upstream: { durationMs: 59, pages: 1, incremental: true },
    });
    expect(refreshed.etag).toBe(first.etag);
    expect(JSON.parse(refreshed.body)).toEqual({
      fetchedAt: "2026-12-02T10:00:20.000Z",
      upstream: { durationMs: 59, pages: 1, incremental: true },
      jobs: [{ id: 1 }],
      stale: false,
    });
    // A poller holding the first answer: 304, and the time of the refresh that found it unchanged.
    const unchanged = await conditionalJson(
      new Request("http://localhost/api/jobs", { headers: { "If-None-Match": first.etag } }),
      later,
    );
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get(FETCHED_AT_HEADER)).toBe("2026-12-02T10:00:10.000Z");
    const fresh = await conditionalJson(new Request("http://localhost/api/jobs"), later);
    expect(fresh.headers.get(FETCHED_AT_HEADER)).toBe("2026-12-02T10:00:10.000Z");
  });
});
