import { describe, expect, it } from "vitest";
import { hostAllowed, readAllowedHosts } from "./allowed-hosts";

describe("allowed hosts", () => {
  it("answers loopback names by default, and nothing else", () => {
    const allowed = readAllowedHosts({});
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST"])
      expect(hostAllowed(allowed, host, null)).toBe(true);
    // A DNS-rebinding page's host, and headers that are no host at all.
    for (const host of ["evil.example:3000", "127.0.0.1.evil.example", null, "", "a b", "127.0.0.1:3000/x"])
      expect(hostAllowed(allowed, host, null)).toBe(false);
  });

  it("adds PUBLIC_ORIGIN's host and ALLOWED_HOSTS, and reads X-Forwarded-Host only when passed", () => {
    const allowed = readAllowedHosts({
      PUBLIC_ORIGIN: "https://jobs.example.com",
      ALLOWED_HOSTS: "wall.example.com, 10.0.0.5",
    });
    expect(hostAllowed(allowed, "jobs.example.com", null)).toBe(true);
    expect(hostAllowed(allowed, "wall.example.com:8443", null)).toBe(true);
    expect(hostAllowed(allowed, "10.0.0.5:3000", null)).toBe(true);
    expect(hostAllowed(allowed, "127.0.0.1:3000", "evil.example")).toBe(false);
    expect(hostAllowed(allowed, "127.0.0.1:3000", "jobs.example.com, proxy")).toBe(true);
  });

  it("names a bad setting", () => {
    expect(() => readAllowedHosts({ PUBLIC_ORIGIN: "jobs" })).toThrow("PUBLIC_ORIGIN is not a URL");
    expect(() => readAllowedHosts({ PUBLIC_ORIGIN: "ftp://jobs.example" })).toThrow("https:// or http://");
    expect(() => readAllowedHosts({ ALLOWED_HOSTS: "ok.example, bad/host" })).toThrow('"bad/host"');
  });
});
