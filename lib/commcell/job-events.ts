// GET Events?jobId=: the CommCell's event log for one job, read into JobEvent records. An answer without
// `commservEvents` is not an event log (Commvault's own SDK refuses it too); a record without a time or a
// description is skipped, not guessed at.

import "server-only";
import { type JobEvent, severityOf } from "@/lib/jobs/job-events";
import { toNumber, toText } from "./coerce";
import { reportedError } from "./error-body";
import { CommCellError } from "./errors";
import { authenticatedRequest, type UpstreamSession } from "./session";

/** The most events kept of one answer: a job's own log is short; a flood is cut, not held. */
const MAX_EVENTS = 500;

export function readJobEvents(body: string, jobId: number): JobEvent[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new CommCellError("parse", `The CommCell's event log was not JSON: ${body.slice(0, 120)}`);
  }
  const list = (value as { commservEvents?: unknown } | null)?.commservEvents;
  if (!Array.isArray(list)) {
    throw (
      reportedError(value) ??
      new CommCellError("parse", "The CommCell's answer to GET Events has no commservEvents list.")
    );
  }
  const events: JobEvent[] = [];
  for (const raw of list.slice(0, MAX_EVENTS)) {
    const record = (raw ?? {}) as Record<string, unknown>;
    const time = toNumber(record.timeSource);
    const description = toText(record.description);
    const owner = toNumber(record.jobId);
    if (time === null || description === null || (owner !== null && owner !== jobId)) continue;
    events.push({
      id: toNumber(record.id) ?? events.length,
      jobId,
      time: time * 1000,
      severity: severityOf(toNumber(record.severity) ?? 0),
      code: toText(record.eventCodeString),
      description,
    });
  }
  return events.sort((a, b) => b.time - a.time || b.id - a.id);
}

export async function fetchJobEvents(session: UpstreamSession, jobId: number): Promise<JobEvent[]> {
  const answer = await authenticatedRequest(session, `Events?jobId=${jobId}`, {
    headers: { Accept: "application/json" },
  });
  return readJobEvents(answer.body, jobId);
}
