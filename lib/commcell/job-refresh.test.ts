import { describe, expect, it } from "vitest";
import type { Job } from "@/lib/jobs/job";
import { mergeJobs } from "./job-refresh";
import { normalizeJobSummary } from "./normalize";

const job = (id: number, status: string) => normalizeJobSummary({ jobId: id, status }) as Job;

describe("mergeJobs", () => {
  it("lays the delta over the previous jobs, newest first", () => {
    const previous = [job(5, "Running"), job(4, "Completed"), job(2, "Failed")];
    const delta = [job(7, "Waiting"), job(5, "Completed")];
    expect(mergeJobs(previous, delta).map((j) => `${j.id}:${j.status}`)).toEqual([
      "7:Waiting",
      "5:Completed",
      "4:Completed",
      "2:Failed",
    ]);
  });

  it("drops a job that was active and is no longer listed at all", () => {
    const merged = mergeJobs([job(9, "Running"), job(8, "Completed")], []);
    expect(merged.map((j) => j.id)).toEqual([8]);
  });
});
