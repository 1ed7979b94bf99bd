import { describe, expect, it } from "vitest";
import { authHeaders, TokenSource } from "./token-source";

describe("TokenSource", () => {
  it("signs in once for concurrent callers", async () => {
    let signIns = 0;
    const source = new TokenSource(async () => {
      signIns++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return `QSDK t${signIns}`;
    });
    const tokens = await Promise.all([source.token(), source.token(), source.token()]);
    expect(new Set(tokens.map((t) => t.value))).toEqual(new Set(["QSDK t1"]));
    expect(signIns).toBe(1);
  });

  it("renews once when several requests saw the same 401", async () => {
    let signIns = 0;
    const source = new TokenSource(async () => `QSDK t${++signIns}`);
    const stale = await source.token();
    const renewed = await Promise.all([source.renew(stale), source.renew(stale), source.renew(stale)]);
    expect(renewed.map((t) => t?.value)).toEqual(["QSDK t2", "QSDK t2", "QSDK t2"]);
    expect(signIns).toBe(2);
    // A late caller holding the stale token gets the current one, not a third sign-in.
    expect((await source.renew(stale))?.value).toBe("QSDK t2");
    expect(signIns).toBe(2);
  });

  it("lets the next caller try again after a failed sign-in", async () => {
    let attempt = 0;
    const source = new TokenSource(async () => {
      attempt++;
      if (attempt === 1) throw new Error("refused");
      return "QSDK ok";
    });
    await expect(source.token()).rejects.toThrow("refused");
    expect((await source.token()).value).toBe("QSDK ok");
  });

  it("cannot renew a fixed token", async () => {
    const source = new TokenSource(null, "eyJhbGciOi.access.token");
    const token = await source.token();
    expect(token.kind).toBe("bearer");
    expect(await source.renew(token)).toBeNull();
  });

  it("puts QSDK tokens in Authtoken and others in a bearer header", () => {
    expect(authHeaders({ value: "QSDK abc", kind: "authtoken", issuedAt: 0 })).toEqual({
      Authtoken: "QSDK abc",
    });
    expect(authHeaders({ value: "abc", kind: "bearer", issuedAt: 0 })).toEqual({
      Authorization: "Bearer abc",
    });
  });
});
