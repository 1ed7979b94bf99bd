"use client";

// After an action is accepted, each job is followed through the CommCell's pending state to where the
// action leads (Suspend Pending -> Suspended, Kill Pending -> Killed): its status is read every couple of
// seconds until every job has settled, or for three minutes at most (the CommCell's own cleanup forces
// stuck jobs after at least five).

import { useEffect, useRef, useState } from "react";
import { previewAction } from "@/lib/client/job-actions-api";
import { ACTION_INFO, actionSettled, type JobAction } from "@/lib/jobs/actions";

const EVERY_MS = 1500;
const FOR_MS = 180_000;

export interface Followed {
  readonly status: string | null;
  readonly settled: boolean;
}

export function useFollowedJobs(
  action: JobAction,
  jobIds: readonly number[],
  view: string | undefined,
  onMove: () => void,
): ReadonlyMap<number, Followed> {
  const [states, setStates] = useState<ReadonlyMap<number, Followed>>(new Map());
  const key = jobIds.join(",");
  const moved = useRef(onMove);
  moved.current = onMove;

  useEffect(() => {
    const ids = key === "" ? [] : key.split(",").map(Number);
    if (ids.length === 0 || ACTION_INFO[action].final === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = Date.now();
    let last = "";
    const poll = async () => {
      try {
        const answer = await previewAction(action, { jobIds: ids, ...(view !== undefined ? { view } : {}) });
        if (!live) return;
        const next = new Map<number, Followed>();
        for (const job of [...answer.applicable, ...answer.notApplicable])
          next.set(job.id, { status: job.status, settled: actionSettled(action, job) });
        const text = JSON.stringify([...next]);
        if (text !== last) {
          last = text;
          setStates(next);
          moved.current();
        }
        if ([...next.values()].every((job) => job.settled) && next.size > 0) return;
      } catch {
        // A failed read is tried again at the next tick; the results already shown stay.
      }
      if (live && Date.now() - started < FOR_MS) timer = setTimeout(poll, EVERY_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [action, key, view]);
  return states;
}
