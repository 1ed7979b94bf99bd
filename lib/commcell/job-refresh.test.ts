import fc from "fast-check";
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

describe("mergeJobs, one pass", () => {
  // What it replaced: every kept job pushed after the fetched ones, sorted newest first, then filtered.
  const reference = (previous: readonly Job[], delta: readonly Job[], keep: (job: Job) => boolean) => {
    const fresh = new Set(delta.map((each) => each.id));
    const merged = [...delta];
    for (const each of previous) if (!fresh.has(each.id) && !each.active) merged.push(each);
    return merged.sort((a, b) => b.id - a.id).filter(keep);
  };
  const STATUSES = ["Running", "Waiting", "Completed", "Failed", "Killed"];
  const jobs = fc
    .uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 60 })
    .chain((ids) =>
      fc.tuple(
        fc.constant(ids),
        fc.array(fc.constantFrom(...STATUSES), { minLength: ids.length, maxLength: ids.length }),
      ),
    )
    .map(([ids, statuses]) => ids.map((id, index) => job(id, statuses[index] as string)));

  it("equals merging, sorting and filtering, in order or not, with the unchanged jobs kept as held", () => {
    fc.assert(
      fc.property(jobs, jobs, fc.boolean(), fc.integer({ min: 0, max: 200 }), (held, delta, sorted, cut) => {
        const previous = sorted ? [...held].sort((a, b) => b.id - a.id) : held;
        const keep = (each: Job) => each.id % 7 !== cut % 7;
        const merged = mergeJobs(previous, delta, keep);
        expect(merged.map((each) => `${each.id}:${each.status}`)).toEqual(
          reference(previous, delta, keep).map((each) => `${each.id}:${each.status}`),
        );
        // A refetched job equal to the one held is the held object (when the held ones are in the
        // CommCell's order, which keepUnchanged's search needs).
        if (!sorted) return;
        const byId = new Map(previous.map((each) => [each.id, each]));
        for (const each of merged) {
          const old = byId.get(each.id);
          if (old && old.status === each.status) expect(each).toBe(old);
        }
      }),
    );
  });
});
