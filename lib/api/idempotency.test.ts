import { describe, expect, it } from "vitest";
import { IdempotencyStore } from "./idempotency";

describe("IdempotencyStore", () => {
  it("runs the work once for a key sent twice at once, and answers both with its result", async () => {
    const store = new IdempotencyStore<number>();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return 42;
    };
    expect(await Promise.all([store.run("k", "a", work), store.run("k", "a", work)])).toEqual([42, 42]);
    expect(await store.run("k", "a", work)).toBe(42);
    expect(runs).toBe(1);
  });

  it("refuses a key reused for a different request", () => {
    const store = new IdempotencyStore<number>();
    void store.run("k", "a", async () => 1);
    expect(() => store.run("k", "b", async () => 2)).toThrow("already used for a different request");
  });

  it("lets a request that failed as a whole be tried again, and forgets keys after their time", async () => {
    let now = 0;
    const store = new IdempotencyStore<number>(1000, 100, () => now);
    await expect(store.run("k", "a", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await store.run("k", "a", async () => 2)).toBe(2);
    now = 2000;
    expect(await store.run("k", "b", async () => 3)).toBe(3);
  });
});
