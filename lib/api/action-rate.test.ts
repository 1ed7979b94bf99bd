import { describe, expect, it } from "vitest";
import { ActionRate } from "./action-rate";

describe("ActionRate", () => {
  it("takes the limit a minute per user, then says the seconds left, then takes again", () => {
    let now = 1_000_000;
    const rate = new ActionRate(3, () => now);
    for (let i = 0; i < 3; i++) expect(rate.take("alice")).toBe(0);
    now += 20_000;
    expect(rate.take("alice")).toBe(40);
    // Another person is not slowed by Alice.
    expect(rate.take("bob")).toBe(0);
    now += 40_000;
    expect(rate.take("alice")).toBe(0);
  });
});
