import { describe, expect, it } from "vitest";
import { Revocations } from "./revocations";
import { displayKeyId, sessionHonoured } from "./session-check";

const KEY = "display-key-0123456789";

describe("sessionHonoured", () => {
  it("refuses a copy of a signed-out session's cookie", () => {
    const revocations = new Revocations();
    const session = { sid: "abc", user: { name: "admin" } };
    expect(sessionHonoured(session, { revocations, displayKey: null })).toBe(true);
    revocations.revoke("abc", Date.now() + 60_000);
    expect(sessionHonoured(session, { revocations, displayKey: null })).toBe(false);
  });

  it("refuses signed-in sessions without an id (cookies from before ids)", () => {
    expect(
      sessionHonoured({ user: { name: "admin" } }, { revocations: new Revocations(), displayKey: null }),
    ).toBe(false);
    expect(sessionHonoured({}, { revocations: new Revocations(), displayKey: null })).toBe(true);
  });

  it("ends display sessions when the display key changes or is removed", () => {
    const revocations = new Revocations();
    const screen = { sid: "s1", display: true, displayKeyId: displayKeyId(KEY) };
    expect(sessionHonoured(screen, { revocations, displayKey: KEY })).toBe(true);
    expect(sessionHonoured(screen, { revocations, displayKey: `${KEY}-new` })).toBe(false);
    expect(sessionHonoured(screen, { revocations, displayKey: null })).toBe(false);
    expect(displayKeyId(KEY)).not.toContain(KEY);
  });

  it("forgets a revocation once the session would have ended anyway", () => {
    let now = 0;
    const revocations = new Revocations(() => now);
    revocations.revoke("old", 1000);
    expect(revocations.isRevoked("old")).toBe(true);
    now = 1001;
    expect(revocations.isRevoked("old")).toBe(false);
    expect(revocations.size).toBe(0);
  });
});
