import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import type { Job } from "@/lib/jobs/job";
import type { JobChanges } from "@/lib/jobs/job-changes";
import { incrementalMemo } from "./incremental-memo";

const job = (id: number) => normalizeJobSummary({ jobId: id, status: "Completed" }) as Job;
const idsOf = (jobs: readonly Job[]) => jobs.map((j) => j.id);

/** A memo whose value is its answer's ids, counting how each value came about. */
function counting(idleMs = 60_000) {
  let now = 0;
  const made: number[][] = [];
  const updated: JobChanges[] = [];
  const memo = incrementalMemo<number[]>({ perAnswer: 4, lines: 2, idleMs, clock: () => now });
  const get = (answer: { jobs: readonly Job[] }, line = "view") =>
    memo.get(
      answer,
      line,
      "key",
      () => {
        made.push(idsOf(answer.jobs));
        return idsOf(answer.jobs);
      },
      (kept, changes) => {
        updated.push(changes);
        const gone = new Set(changes.removed.map((j) => j.id));
        return [...kept.filter((id) => !gone.has(id)), ...changes.added.map((j) => j.id)].sort(
          (a, b) => b - a,
        );
      },
    );
  return { get, made, updated, advance: (ms: number) => (now += ms) };
}

describe("incrementalMemo", () => {
  const [j5, j4, j3, j2] = [job(5), job(4), job(3), job(2)] as [Job, Job, Job, Job];

  it("makes a line's first value, then updates it with what changed in the next answer", () => {
    const memo = counting();
    const j1 = job(1);
    const first = { jobs: [j4, j3, j2, j1] };
    expect(memo.get(first)).toEqual([4, 3, 2, 1]);
    expect(memo.get(first)).toEqual([4, 3, 2, 1]);
    const second = { jobs: [j5, j4, j3, j2] };
    expect(memo.get(second)).toEqual([5, 4, 3, 2]);
    expect(memo.made).toEqual([[4, 3, 2, 1]]);
    expect(memo.updated).toEqual([{ added: [j5], removed: [j1] }]);
  });

  it("makes anew when most jobs changed, or the answer is not newest first", () => {
    const memo = counting();
    memo.get({ jobs: [j4, j3] });
    memo.get({ jobs: [job(4), job(3)] });
    memo.get({ jobs: [j3, j4] });
    expect(memo.made).toEqual([
      [4, 3],
      [4, 3],
      [3, 4],
    ]);
    expect(memo.updated).toEqual([]);
  });

  it("keeps lines apart, and forgets the least recently used and the idle", () => {
    const memo = counting(1_000);
    memo.get({ jobs: [j4, j3] }, "a");
    memo.get({ jobs: [j5, j4] }, "b");
    memo.get({ jobs: [j5, j4, j3] }, "c");
    // "a" was pushed out by "c": its next answer is made anew.
    memo.get({ jobs: [j5, j4, j3, j2] }, "a");
    expect(memo.made).toHaveLength(4);
    memo.get({ jobs: [j5, j4, j3, j2] }, "c");
    expect(memo.updated).toEqual([{ added: [j2], removed: [] }]);
    memo.advance(1_000);
    memo.get({ jobs: [j5, j4, j3] }, "c");
    expect(memo.made).toHaveLength(5);
  });
});
