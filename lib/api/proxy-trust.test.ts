import { describe, expect, it } from "vitest";
import { cameOverHttps } from "./proxy-trust";

const asked = (url: string, proto?: string) =>
  new Request(url, proto ? { headers: { "X-Forwarded-Proto": proto } } : undefined);

describe("cameOverHttps", () => {
  it("believes X-Forwarded-Proto only behind trusted proxies", () => {
    // The URL's scheme is Next's reading of the same header: not believed either.
    expect(cameOverHttps(asked("https://jobs.example/"), {})).toBe(false);
    expect(cameOverHttps(asked("http://127.0.0.1/", "https"), {})).toBe(false);
    expect(cameOverHttps(asked("http://127.0.0.1/", "https"), { TRUSTED_PROXY_HOPS: "0" })).toBe(false);
    expect(cameOverHttps(asked("http://127.0.0.1/", "https"), { TRUSTED_PROXY_HOPS: "1" })).toBe(true);
    expect(cameOverHttps(asked("http://127.0.0.1/", "http"), { TRUSTED_PROXY_HOPS: "1" })).toBe(false);
  });
});
