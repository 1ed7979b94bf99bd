import { describe, expect, it } from "vitest";
import { readJobEvents } from "./job-events";

// The example Commvault's SDK documents for get_events (cvpysdk job.py), one record of it.
const SDK_EXAMPLE = {
  commservEvents: [
    {
      severity: 3,
      eventCode: "318769020",
      jobId: 4547,
      acknowledge: 0,
      eventCodeString: "19:1916",
      subsystem: "JobManager",
      description: "Data Analytics operation has completed with one or more errors.",
      id: 25245,
      timeSource: 1600919001,
      type: 0,
      clientEntity: { clientId: 2, clientName: "xyz", displayName: "xyz" },
    },
  ],
};

describe("readJobEvents", () => {
  it("reads the documented record", () => {
    expect(readJobEvents(JSON.stringify(SDK_EXAMPLE), 4547)).toEqual([
      {
        id: 25245,
        jobId: 4547,
        time: 1600919001000,
        severity: "minor",
        code: "19:1916",
        description: "Data Analytics operation has completed with one or more errors.",
      },
    ]);
  });

  it("orders newest first, and skips records without a time, a description, or of another job", () => {
    const events = readJobEvents(
      JSON.stringify({
        commservEvents: [
          { id: 1, jobId: 9, timeSource: 100, description: "older", severity: 0 },
          { id: 2, jobId: 9, timeSource: 200, description: "newer", severity: 6 },
          { id: 3, jobId: 9, description: "no time" },
          { id: 4, jobId: 8, timeSource: 300, description: "another job" },
        ],
      }),
      9,
    );
    expect(events.map((event) => [event.description, event.severity])).toEqual([
      ["newer", "major"],
      ["older", "info"],
    ]);
  });

  it("refuses an answer that is not an event log, with the CommCell's words where it has some", () => {
    expect(() => readJobEvents("<html/>", 1)).toThrow("was not JSON");
    expect(() => readJobEvents("{}", 1)).toThrow("no commservEvents list");
    expect(() => readJobEvents('{"errorCode":2,"errorMessage":"Access denied"}', 1)).toThrow("Access denied");
  });
});
