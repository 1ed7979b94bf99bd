// Sending one action to many jobs, a few at a time, so that a batch that fails part-way still says what it
// did. Each job's outcome is kept as it comes; a token the CommCell refuses (fatal for every job after it)
// stops the batch: the calls in flight finish and are recorded, and no further job is sent.

import { mapLimit } from "@/lib/async/map-limit";
import { isCommCellError } from "@/lib/commcell/errors";
import type { ActionResult } from "./job-actions";

export interface BatchOutcome {
  /** One result per job, in the jobs' order: sent, refused, or not sent because the batch stopped. */
  readonly results: readonly ActionResult[];
  /** The failure that stopped the batch (the token was refused), or null when every job was tried. */
  readonly stoppedBy: Error | null;
}

export async function sendBatch(
  jobIds: readonly number[],
  concurrency: number,
  send: (jobId: number) => Promise<ActionResult>,
): Promise<BatchOutcome> {
  let stoppedBy: Error | null = null;
  const results = await mapLimit(jobIds, concurrency, async (jobId): Promise<ActionResult> => {
    if (stoppedBy)
      return { jobId, outcome: "not_sent", message: `Not sent: the batch stopped (${stoppedBy.message}).` };
    try {
      return await send(jobId);
    } catch (error) {
      if (isCommCellError(error) && error.kind === "auth") {
        stoppedBy = error;
        return { jobId, outcome: "refused", message: `Refused: ${error.message}` };
      }
      // Anything else leaves this job's fate unknown to us, but not the others': the batch goes on.
      return { jobId, outcome: "refused", message: `Failed: ${(error as Error).message}` };
    }
  });
  return { results, stoppedBy };
}
