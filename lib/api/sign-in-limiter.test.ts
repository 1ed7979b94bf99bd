import { describe, expect, it } from "vitest";
import { SignInLimiter } from "./sign-in-limiter";

describe("SignInLimiter", () => {
  it("lets three failures through, then makes each attempt wait twice as long", () => {
    let now = 0;
    const limiter = new SignInLimiter(() => now);
    for (let i = 0; i < 3; i++) limiter.failed("10.0.0.1");
    expect(limiter.waitFor("10.0.0.1")).toBe(0);
    limiter.failed("10.0.0.1");
    expect(limiter.waitFor("10.0.0.1")).toBe(2000);
    now += 2000;
    limiter.failed("10.0.0.1");
    expect(limiter.waitFor("10.0.0.1")).toBe(4000);
    expect(limiter.waitFor("10.0.0.2")).toBe(0);
  });

  it("forgets an address after a success or an hour", () => {
    let now = 0;
    const limiter = new SignInLimiter(() => now);
    for (let i = 0; i < 5; i++) limiter.failed("a");
    limiter.succeeded("a");
    expect(limiter.waitFor("a")).toBe(0);
    for (let i = 0; i < 5; i++) limiter.failed("b");
    now += 61 * 60_000;
    expect(limiter.waitFor("b")).toBe(0);
  });
});
