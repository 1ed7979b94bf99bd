// A planned job's state at a moment: whether it exists yet, what it is doing, how far it got and how it
// ended. A pure function of the plan, the time and what the API has done to the job (pause, resume, kill).

import type { FinalStatus, WaitStatus } from "./catalog";
import type { JobPlan, Reason } from "./job-plan";
import { killedBy, suspendedByUser } from "./reasons";

/** One API action on a job, as the event log tells it: who asked, when, when it took effect, and why. */
export interface ApiAction {
  readonly kind: "pause" | "resume" | "kill";
  readonly user: string;
  readonly requestedAt: number;
  readonly effectiveAt: number;
  /** The operation's description, when the request gave one. */
  readonly description: string;
}

/** What the API did to a job: a pause still in force, the time paused before, a resume, a kill. */
export interface JobOverride {
  /** Every action, oldest first: the event log and the suspension's reason read it. */
  readonly actions: readonly ApiAction[];
  readonly pausedAt: number | null;
  readonly pausedSeconds: number;
  /** A resume that cut the plan's own suspension short, at this effective time. */
  readonly interruptionCutAt: number | null;
  readonly killedAt: number | null;
}

export const NO_OVERRIDE: JobOverride = {
  actions: [],
  pausedAt: null,
  pausedSeconds: 0,
  interruptionCutAt: null,
  killedAt: null,
};

export type SimStatus = FinalStatus | WaitStatus | "Running" | "Suspend Pending" | "Kill Pending";

/**
 * Simulated seconds an API action takes to take effect, as a real CommCell logs them: a kill about 5 s after
 * "Kill request pending", a suspension about 10 s after "Stop request pending".
 */
export const KILL_PENDING_SECONDS = 5;
export const SUSPEND_PENDING_SECONDS = 10;

export interface JobState {
  readonly status: SimStatus;
  readonly active: boolean;
  readonly phase: string;
  readonly percentComplete: number;
  readonly appBytes: number;
  readonly mediaBytes: number;
  readonly files: number;
  readonly failedFiles: number;
  readonly failedFolders: number;
  readonly elapsedSeconds: number;
  readonly lastUpdate: number;
  /** Unix seconds, 0 while the job is active. */
  readonly end: number;
  readonly reason: Reason | null;
  readonly statusColor: "black" | "greenspan" | "redspan";
}

/** Effective seconds of the plan's timeline: wait, run up to the interruption, interruption, rest of the run. */
export function timeline(plan: JobPlan, override: JobOverride) {
  const waitEnd = plan.start + (plan.wait?.seconds ?? 0);
  const interruption = plan.interruption;
  const beforeStop = interruption ? Math.round(plan.runSeconds * interruption.atShare) : plan.runSeconds;
  const stopStart = waitEnd + beforeStop;
  let stopSeconds = interruption?.seconds ?? 0;
  if (override.interruptionCutAt !== null && override.interruptionCutAt < stopStart + stopSeconds) {
    stopSeconds = Math.max(0, override.interruptionCutAt - stopStart);
  }
  const stopEnd = stopStart + stopSeconds;
  const end = stopEnd + (plan.runSeconds - beforeStop);
  return { waitEnd, stopStart, stopEnd, end };
}

/** When the job ends if nothing more is done to it (unix seconds). */
export function plannedEnd(plan: JobPlan, override: JobOverride = NO_OVERRIDE): number {
  if (override.killedAt !== null) return override.killedAt;
  if (override.pausedAt !== null) return Number.POSITIVE_INFINITY;
  return timeline(plan, override).end + override.pausedSeconds;
}

function phaseAt(plan: JobPlan, share: number): string {
  const index = Math.min(plan.phases.length - 1, Math.floor(share * plan.phases.length));
  return plan.phases[index] ?? "";
}

/** The state at unix time `now`; null when the job has not started yet. */
export function jobStateAt(plan: JobPlan, now: number, override: JobOverride = NO_OVERRIDE): JobState | null {
  if (now < plan.start) return null;
  const base = {
    failedFolders: plan.failedFolders,
    statusColor: "black" as const,
  };
  if (plan.outcome === "Failed to Start") {
    return {
      ...base,
      status: "Failed to Start",
      active: false,
      phase: "",
      percentComplete: 100,
      appBytes: 0,
      mediaBytes: 0,
      files: 0,
      failedFiles: 0,
      elapsedSeconds: 0,
      lastUpdate: plan.start,
      end: plan.start,
      reason: plan.outcomeReason,
      statusColor: "redspan",
    };
  }

  const killed = override.killedAt !== null && now >= override.killedAt;
  const frozenAt = killed
    ? (override.killedAt as number)
    : override.pausedAt !== null
      ? Math.min(now, override.pausedAt)
      : now;
  // Time on the plan's own clock: API pauses already over are taken out.
  const t = frozenAt - override.pausedSeconds;
  const line = timeline(plan, override);

  let ranSeconds: number;
  if (t < line.waitEnd) ranSeconds = 0;
  else if (t < line.stopStart) ranSeconds = t - line.waitEnd;
  else if (t < line.stopEnd) ranSeconds = line.stopStart - line.waitEnd;
  else ranSeconds = Math.min(plan.runSeconds, t - line.waitEnd - (line.stopEnd - line.stopStart));
  const share = plan.runSeconds > 0 ? Math.min(1, ranSeconds / plan.runSeconds) : 1;
  const progress = {
    appBytes: Math.round(plan.appBytes * share),
    mediaBytes: Math.round(plan.mediaBytes * share),
    files: Math.round(plan.files * share),
    failedFiles: Math.round(plan.failedFiles * share),
  };

  const finished = killed || (override.pausedAt === null && t >= line.end);
  if (finished) {
    const end = killed ? (override.killedAt as number) : line.end + override.pausedSeconds;
    const status: FinalStatus = killed ? "Killed" : plan.outcome;
    const reason = killed ? killedBy("admin", "killed through the API") : plan.outcomeReason;
    return {
      ...base,
      ...(killed
        ? progress
        : {
            appBytes: plan.appBytes,
            mediaBytes: plan.mediaBytes,
            files: plan.files,
            failedFiles: plan.failedFiles,
          }),
      status,
      active: false,
      phase: "",
      percentComplete: 100,
      elapsedSeconds: end - plan.start,
      lastUpdate: end,
      end,
      reason,
      statusColor: status === "Failed" ? "redspan" : "black",
    };
  }

  // Progress shows in 30-second updates, as the job controller reports it.
  const lastUpdate = Math.max(plan.start, now - (now % 30));
  const running = {
    ...base,
    ...progress,
    active: true,
    phase: phaseAt(plan, share),
    percentComplete: Math.min(99, Math.floor(share * 100)),
    elapsedSeconds: now - plan.start,
    lastUpdate,
    end: 0,
  };
  // A job that waits or is stopped reports nothing new: its last update is when it entered that state.
  if (override.killedAt !== null) {
    return { ...running, status: "Kill Pending", reason: { text: "Kill request pending.", code: "19:182" } };
  }
  if (override.pausedAt !== null && now < override.pausedAt) {
    return {
      ...running,
      status: "Suspend Pending",
      reason: { text: "Stop request pending.", code: "19:183" },
    };
  }
  if (override.pausedAt !== null) {
    const pause = override.actions.findLast((action) => action.kind === "pause");
    return {
      ...running,
      lastUpdate: override.pausedAt,
      status: "Suspended",
      reason: suspendedByUser(pause?.user ?? "admin", pause?.description || "paused through the API"),
    };
  }
  if (t < line.waitEnd && plan.wait) {
    return {
      ...running,
      lastUpdate: plan.start,
      phase: plan.phases[0] ?? "",
      status: plan.wait.status,
      reason: plan.wait.reason,
    };
  }
  if (t >= line.stopStart && t < line.stopEnd && plan.interruption) {
    const since = line.stopStart + override.pausedSeconds;
    return {
      ...running,
      lastUpdate: since,
      status: plan.interruption.status,
      reason: plan.interruption.reason,
    };
  }
  return { ...running, status: "Running", reason: null, statusColor: "greenspan" };
}
