import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS, OptionsError, readOptions } from "./options";

describe("simulator options", () => {
  it("takes defaults, then environment, then flags", () => {
    expect(readOptions([], {})).toEqual(DEFAULT_OPTIONS);
    const options = readOptions(["--port", "9000", "--time-warp=60", "--jobs", "100000"], {
      SIMULATOR_PORT: "7000",
      SIMULATOR_SEED: "7",
    });
    expect(options).toMatchObject({ port: 9000, seed: 7, timeWarp: 60, jobs: 100_000 });
  });

  it("reads the start as now, unix seconds or an ISO date", () => {
    expect(readOptions(["--start", "now"], {}).start).toBeNull();
    expect(readOptions(["--start", "1795000000"], {}).start).toBe(1_795_000_000);
    expect(readOptions(["--start", "2026-11-23T22:00:00Z"], {}).start).toBe(
      Date.UTC(2026, 10, 23, 22) / 1000,
    );
  });

  it("names the flag or variable that is wrong and why", () => {
    expect(() => readOptions(["--port", "http"], {})).toThrow(
      '--port must be a whole number from 0 to 65535 (got "http")',
    );
    expect(() => readOptions([], { SIMULATOR_JOBS: "5" })).toThrow(
      "SIMULATOR_JOBS must be a whole number from 100 to 2000000",
    );
    expect(() => readOptions(["--time-warp", "0"], {})).toThrow("--time-warp must be a number above 0");
    expect(() => readOptions(["--start", "yesterday"], {})).toThrow("--start must be");
    expect(() => readOptions(["--jobs"], {})).toThrow("--jobs needs a value");
    expect(() => readOptions(["--colour", "red"], {})).toThrow(OptionsError);
    expect(() => readOptions(["--colour", "red"], {})).toThrow('unknown argument "--colour"');
  });
});
