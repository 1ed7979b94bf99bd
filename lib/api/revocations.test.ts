import { describe, expect, it } from "vitest";
import { Revocations } from "./revocations";

describe("Revocations.whenRevoked", () => {
  it("tells what a session holds open when it is revoked, here or from a peer, once", () => {
    const revocations = new Revocations();
    const ended: string[] = [];
    revocations.whenRevoked("a", () => ended.push("a1"));
    revocations.whenRevoked("a", () => ended.push("a2"));
    const stop = revocations.whenRevoked("b", () => ended.push("b"));
    revocations.whenRevoked("c", () => ended.push("c"));
    stop();
    revocations.revoke("a", Date.now() + 60_000);
    revocations.revoke("a", Date.now() + 60_000);
    revocations.revoke("b", Date.now() + 60_000);
    revocations.revoke("c", Date.now() + 60_000, true);
    expect(ended).toEqual(["a1", "a2", "c"]);
  });
});
