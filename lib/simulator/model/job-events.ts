// What the CommCell's event log says of a job, as `GET Events` answers it: derived from the job's plan and
// from what the API did to it, so the log and the job list never disagree. The codes of API actions are
// the real ones (19:182 kill pending, 19:183 stop pending); the others are the job's own reason codes.

import type { JobPlan, Reason } from "./job-plan";
import { type JobOverride, jobStateAt, timeline } from "./job-state";

export interface JobEvent {
  readonly id: number;
  readonly jobId: number;
  /** Unix seconds. */
  readonly at: number;
  /** "19:182": subsystem 19 (JobManager), event 182. */
  readonly code: string;
  readonly severity: "info" | "minor" | "major" | "critical";
  readonly description: string;
}

export function jobEvents(plan: JobPlan, override: JobOverride, now: number): JobEvent[] {
  const events: Omit<JobEvent, "id" | "jobId">[] = [];
  const id = plan.id;
  const add = (at: number, code: string, severity: JobEvent["severity"], description: string) =>
    events.push({ at, code, severity, description });
  const reasonEvent = (at: number, status: string, reason: Reason) =>
    add(at, reason.code, "minor", `Job [${id}] is ${status.toLowerCase()}: ${reason.text}`);

  add(plan.start, "19:1916", "info", `Job [${id}] (${plan.kind}) started.`);
  if (plan.wait) reasonEvent(plan.start, plan.wait.status, plan.wait.reason);
  const line = timeline(plan, override);
  if (plan.interruption && line.stopStart + override.pausedSeconds <= now) {
    reasonEvent(line.stopStart + override.pausedSeconds, plan.interruption.status, plan.interruption.reason);
  }
  for (const action of override.actions) {
    const why = action.description ? ` Reason: ${action.description}` : "";
    if (action.kind === "pause") {
      add(action.requestedAt, "19:183", "info", `Stop request pending for job [${id}].`);
      add(
        action.effectiveAt,
        "19:1917",
        "info",
        `Job [${id}] has been suspended by user ${action.user}.${why}`,
      );
    } else if (action.kind === "resume") {
      add(action.effectiveAt, "19:1918", "info", `Job [${id}] resumed by user ${action.user}.${why}`);
    } else {
      add(action.requestedAt, "19:182", "info", `Kill request pending for job [${id}].`);
      add(action.effectiveAt, "19:1919", "major", `Job [${id}] has been killed by ${action.user}.${why}`);
    }
  }
  const state = jobStateAt(plan, now, override);
  if (state && !state.active && override.killedAt === null) {
    const failed = state.status !== "Completed";
    const why = state.reason ? ` ${state.reason.text}` : "";
    add(
      state.end,
      state.reason?.code ?? "19:1920",
      state.status === "Failed" || state.status === "Failed to Start" ? "major" : failed ? "minor" : "info",
      `Job [${id}] ended: ${state.status}.${why}`,
    );
  }
  return events
    .filter((event) => event.at <= now)
    .map((event, index) => ({ ...event, id: id * 100 + index, jobId: id }))
    .sort((a, b) => b.at - a.at || b.id - a.id);
}
