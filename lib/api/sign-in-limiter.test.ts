import { describe, expect, it } from "vitest";
import { PER_ADDRESS, PER_USER, SignInLimiter } from "./sign-in-limiter";

describe("SignInLimiter", () => {
  it("limits one user name however many addresses the guesses claim", () => {
    const limiter = new SignInLimiter(() => 0);
    const outcomes = Array.from({ length: 20 }, (_, i) => limiter.attempt("admin", `10.0.0.${i}`).allowed);
    expect(outcomes.filter(Boolean)).toHaveLength(PER_USER.freeFailures + 1);
    expect(limiter.attempt("Admin ", "10.9.9.9")).toMatchObject({ allowed: false, waitMs: 2000 });
  });

  it("limits one address however many user names it tries, and not the others", () => {
    const limiter = new SignInLimiter(() => 0);
    const outcomes = Array.from({ length: 20 }, (_, i) => limiter.attempt(`user${i}`, "10.0.0.1").allowed);
    expect(outcomes.filter(Boolean)).toHaveLength(PER_ADDRESS.freeFailures + 1);
    expect(limiter.attempt("alice", "10.0.0.2").allowed).toBe(true);
  });

  it("counts parallel attempts, as each is reserved before the CommCell is asked", () => {
    const limiter = new SignInLimiter(() => 0);
    const attempts = Array.from({ length: 10 }, () => limiter.attempt("svc", "a"));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(PER_USER.freeFailures + 1);
  });

  it("lets a success clear only its own user name, so an attacker's own account wipes nothing", () => {
    let now = 0;
    const limiter = new SignInLimiter(() => now);
    for (let i = 0; i < 5; i++) limiter.attempt("admin", "evil");
    const own = limiter.attempt("mallory", "evil");
    limiter.succeeded(own);
    expect(limiter.attempt("admin", "evil").allowed).toBe(false);
    now += 61 * 60_000;
    expect(limiter.attempt("admin", "evil").allowed).toBe(true);
  });

  it("makes each further attempt wait twice as long, and forgets after an hour", () => {
    let now = 0;
    const limiter = new SignInLimiter(() => now);
    for (let i = 0; i < 4; i++) limiter.attempt("u", "a");
    expect(limiter.attempt("u", "a")).toMatchObject({ allowed: false, waitMs: 2000 });
    now += 2000;
    limiter.attempt("u", "a");
    expect(limiter.attempt("u", "a")).toMatchObject({ allowed: false, waitMs: 4000 });
  });

  it("does not count an attempt the CommCell never judged", () => {
    const limiter = new SignInLimiter(() => 0);
    for (let i = 0; i < 10; i++) limiter.undecided(limiter.attempt("u", "a"));
    expect(limiter.attempt("u", "a").allowed).toBe(true);
  });
});
