import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import { jobsToCsv } from "./csv";
import type { Job } from "./job";

describe("jobsToCsv", () => {
  it("writes a header and one row per job, every text quoted, times with their offset", () => {
    const job = normalizeJobSummary({
      jobId: 7,
      status: "Failed",
      destClientName: 'fs "one", two',
      jobStartTime: Date.UTC(2026, 10, 23, 22) / 1000,
      pendingReason: "=HYPERLINK(x)<br>Source: a, Process: b",
    }) as Job;
    const [header, row] = jobsToCsv([job], "Europe/Berlin").split("\r\n");
    expect(header?.startsWith("job id,status,type,level,client")).toBe(true);
    expect(row).toContain('7,"Failed",,,"fs ""one"", two"');
    expect(row).toContain("2026-11-23 23:00:00 +01:00");
    expect(row).toContain(`"'=HYPERLINK(x)"`);
  });

  it("quotes a text with a semicolon, so a semicolon locale neither splits it nor runs a formula in it", () => {
    const job = normalizeJobSummary({ jobId: 8, status: "Failed", destClientName: "srv;=1+1" }) as Job;
    const [, row] = jobsToCsv([job], "UTC").split("\r\n");
    expect(row).toContain('"srv;=1+1"');
    expect(row?.startsWith("8,")).toBe(true);
  });
});
