import { describe, expect, it } from "vitest";
import { conditionalJson, matchesTag } from "./etag";

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
    const unchanged = conditionalJson(asked('"t1"'), '{"jobs":[]}', '"t1"');
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("etag")).toBe('"t1"');
    const fresh = conditionalJson(asked('"t0"'), '{"jobs":[]}', '"t1"');
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toEqual({ jobs: [] });
    expect(fresh.headers.get("cache-control")).toBe("no-store");
  });
});
