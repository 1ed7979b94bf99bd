// GET Events: `commservEvents` as the reference documents them (eventCode a string, eventCodeString "19:182",
// timeSource in Unix seconds, the job's client). Commvault's SDK raises when `commservEvents` is missing, so
// an empty log is an empty list, never an absent key.

import type { JobAtNow } from "../model/commcell";
import type { JobEvent } from "../model/job-events";
import type { Reply } from "./bodies";

const SEVERITY = { info: 0, minor: 3, major: 6, critical: 9 } as const;

/** "19:1916" as Commvault numbers it: the subsystem in the high byte (19 -> 318767104), plus the event. */
function eventCode(code: string): string {
  const [subsystem, event] = code.split(":").map(Number);
  return String((subsystem ?? 0) * 2 ** 24 + (event ?? 0));
}

export function eventsReply(events: readonly { readonly event: JobEvent; readonly job: JobAtNow }[]): Reply {
  const commservEvents = events.map(({ event, job }) => {
    const client = job.plan.subclient?.client;
    return {
      severity: SEVERITY[event.severity],
      eventCode: eventCode(event.code),
      jobId: event.jobId,
      acknowledge: 0,
      eventCodeString: event.code,
      subsystem: "JobManager",
      description: event.description,
      id: event.id,
      timeSource: event.at,
      type: 0,
      clientEntity: {
        clientId: client?.id ?? 2,
        clientName: client?.name ?? "commserve",
        displayName: client?.name ?? "commserve",
      },
    };
  });
  return { status: 200, json: { commservEvents } };
}
