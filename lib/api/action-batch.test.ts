import { describe, expect, it } from "vitest";
import { CommCellError } from "@/lib/commcell/errors";
import { sendBatch } from "./action-batch";
import type { ActionResult } from "./job-actions";

const accepted = (jobId: number): ActionResult => ({ jobId, outcome: "accepted", message: "Accepted." });

describe("sendBatch", () => {
  it("stops sending after a refused token, lets the calls in flight finish, and records every job", async () => {
    const sent: number[] = [];
    let failed: () => void = () => {};
    const threeFailed = new Promise<void>((resolve) => {
      failed = resolve;
    });
    let oneFinishedAfter = false;
    const outcome = await sendBatch([1, 2, 3, 4, 5, 6], 2, async (jobId) => {
      sent.push(jobId);
      if (jobId === 1) {
        // In flight when job 3 fails: it must still be waited for and recorded.
        await threeFailed;
        oneFinishedAfter = true;
      }
      if (jobId === 3) {
        failed();
        throw new CommCellError("auth", "The CommCell refused the token (401).");
      }
      return accepted(jobId);
    });
    expect(outcome.stoppedBy?.message).toContain("401");
    expect(oneFinishedAfter).toBe(true);
    expect(sent).toEqual([1, 2, 3]);
    expect(outcome.results.map((result) => [result.jobId, result.outcome])).toEqual([
      [1, "accepted"],
      [2, "accepted"],
      [3, "refused"],
      ...[4, 5, 6].map((jobId) => [jobId, "not_sent"]),
    ]);
  });

  it("goes on past a job's own failure, which is that job's refusal", async () => {
    const outcome = await sendBatch([1, 2, 3], 4, async (jobId) => {
      if (jobId === 2) throw new Error("socket hang up");
      return accepted(jobId);
    });
    expect(outcome.stoppedBy).toBeNull();
    expect(outcome.results.map((result) => result.outcome)).toEqual(["accepted", "refused", "accepted"]);
    expect(outcome.results[1]?.message).toContain("socket hang up");
  });
});
