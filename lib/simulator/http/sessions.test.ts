import { describe, expect, it } from "vitest";
import { Sessions } from "./sessions";

function sessions() {
  let now = 1_000_000;
  const store = new Sessions(
    { username: "admin", password: "pw", tokenIdleSeconds: 60, lockAfter: 3, lockSeconds: 30 },
    () => now,
  );
  return { store, tick: (seconds: number) => (now += seconds * 1000) };
}

describe("sessions", () => {
  it("issues QSDK tokens to the right credentials, the user name in any case", () => {
    const { store } = sessions();
    const outcome = store.login("ADMIN", "pw");
    expect(outcome.kind).toBe("ok");
    const token = outcome.kind === "ok" ? outcome.token : "";
    expect(token).toMatch(/^QSDK [0-9a-f]{96}$/);
    expect(store.use(token)).toBe("admin");
  });

  it("expires a token after the idle time, and use keeps it alive", () => {
    const { store, tick } = sessions();
    const outcome = store.login("admin", "pw");
    const token = outcome.kind === "ok" ? outcome.token : "";
    tick(50);
    expect(store.use(token)).toBe("admin");
    tick(50);
    expect(store.use(token)).toBe("admin");
    tick(61);
    expect(store.use(token)).toBeNull();
  });

  it("locks the account after repeated failures, even for the right password", () => {
    const { store, tick } = sessions();
    expect(store.login("admin", "x")).toEqual({ kind: "refused", attemptsLeft: 2 });
    expect(store.login("admin", "x")).toEqual({ kind: "refused", attemptsLeft: 1 });
    expect(store.login("admin", "x")).toEqual({ kind: "locked", remainingSeconds: 30 });
    tick(10);
    expect(store.login("admin", "pw")).toEqual({ kind: "locked", remainingSeconds: 20 });
    tick(21);
    expect(store.login("admin", "pw").kind).toBe("ok");
  });

  it("renews a token into a new one and logs out", () => {
    const { store } = sessions();
    const outcome = store.login("admin", "pw");
    const token = outcome.kind === "ok" ? outcome.token : "";
    const fresh = store.renew(token);
    expect(fresh).not.toBe(token);
    expect(store.use(token)).toBeNull();
    expect(store.logout(fresh as string)).toBe(true);
    expect(store.use(fresh as string)).toBeNull();
    expect(store.renew("QSDK nothing")).toBeNull();
  });

  it("expires every token at once on demand", () => {
    const { store } = sessions();
    store.login("admin", "pw");
    store.login("admin", "pw");
    expect(store.expireAll()).toBe(2);
    expect(store.count).toBe(0);
  });
});
