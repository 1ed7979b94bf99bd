import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import { jobsToCsv } from "./csv";
import type { Job } from "./job";

describe("jobsToCsv", () => {
  it("writes a header and one quoted-where-needed row per job, times with their offset", () => {
    const job = normalizeJobSummary({
      jobId: 7,
      status: "Failed",
      destClientName: 'fs "one", two',
      jobStartTime: Date.UTC(2026, 10, 23, 22) / 1000,
      pendingReason: "=HYPERLINK(x)<br>Source: a, Process: b",
    }) as Job;
    const [header, row] = jobsToCsv([job], "Europe/Berlin").split("\r\n");
    expect(header?.startsWith("job id,status,type,level,client")).toBe(true);
    expect(row).toContain('7,Failed,,,"fs ""one"", two"');
    expect(row).toContain("2026-11-23 23:00:00 +01:00");
    expect(row).toContain(`"'=HYPERLINK(x)"`);
  });
});
