import { describe, expect, it } from "vitest";
import { toBoolean, toCount, toEntityId, toEpochMs, toInteger, toNumber, toText } from "./coerce";

describe("coerce", () => {
  it("reads numbers from XML strings and JSON numbers alike", () => {
    expect(toNumber("100.000000")).toBe(100);
    expect(toNumber(98.9697)).toBe(98.9697);
    expect(toNumber(" 6 ")).toBe(6);
    expect(toNumber("-28.30018")).toBe(-28.30018);
  });

  it("reads anything unreadable as null, never 0", () => {
    for (const value of [
      "",
      "  ",
      "abc",
      "1e999",
      null,
      undefined,
      {},
      [],
      true,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(toNumber(value)).toBeNull();
    }
  });

  it("keeps integers integral and counts non-negative", () => {
    expect(toInteger("14")).toBe(14);
    expect(toInteger("1.5")).toBeNull();
    expect(toCount("-1")).toBeNull();
    expect(toCount("8848")).toBe(8848);
    expect(toCount(2 ** 53)).toBeNull();
  });

  it("reads entity id 0 as no entity", () => {
    expect(toEntityId(0)).toBeNull();
    expect(toEntityId("0")).toBeNull();
    expect(toEntityId("2")).toBe(2);
  });

  it("reads booleans from true/false, 1/0 and their strings", () => {
    expect(toBoolean("true")).toBe(true);
    expect(toBoolean("False")).toBe(false);
    expect(toBoolean(1)).toBe(true);
    expect(toBoolean(0)).toBe(false);
    expect(toBoolean("1")).toBe(true);
    expect(toBoolean(2)).toBeNull();
    expect(toBoolean("maybe")).toBeNull();
    expect(toBoolean(undefined)).toBeNull();
  });

  it("turns Unix seconds into epoch milliseconds, with 0 as not yet", () => {
    expect(toEpochMs(1500320347)).toBe(1500320347000);
    expect(toEpochMs("1380294233")).toBe(1380294233000);
    expect(toEpochMs(0)).toBeNull();
    expect(toEpochMs("0")).toBeNull();
    expect(toEpochMs("1e306")).toBeNull();
  });

  it("trims text and reads blank text as null", () => {
    expect(toText("  default ")).toBe("default");
    expect(toText("")).toBeNull();
    expect(toText(5)).toBe("5");
    expect(toText({})).toBeNull();
  });
});
