import { describe, expect, it } from "vitest";
import { ErrorRateGate, FaultError, NO_FAULTS, updateFaults } from "./faults";

describe("faults", () => {
  it("merges valid updates", () => {
    expect(updateFaults(NO_FAULTS, { latencyMs: 250, body: "html" })).toEqual({
      ...NO_FAULTS,
      latencyMs: 250,
      body: "html",
    });
  });

  it("refuses unknown keys and bad values, naming them", () => {
    expect(() => updateFaults(NO_FAULTS, { latency: 5 })).toThrow('unknown fault "latency"');
    expect(() => updateFaults(NO_FAULTS, { errorRate: 2 })).toThrow(
      "errorRate must be a number from 0 to 1 (got 2)",
    );
    expect(() => updateFaults(NO_FAULTS, { body: "garbage" })).toThrow(
      "body must be one of none, html, truncated",
    );
    expect(() => updateFaults(NO_FAULTS, { refuse: "yes" })).toThrow(FaultError);
    expect(() => updateFaults(NO_FAULTS, [1])).toThrow("JSON object");
  });

  it("fails exactly the share of requests asked for", () => {
    const gate = new ErrorRateGate();
    const outcomes = Array.from({ length: 100 }, () => gate.shouldFail(0.25));
    expect(outcomes.filter(Boolean)).toHaveLength(25);
    expect(Array.from({ length: 10 }, () => gate.shouldFail(1)).every(Boolean)).toBe(true);
    expect(Array.from({ length: 10 }, () => gate.shouldFail(0)).some(Boolean)).toBe(false);
  });
});
