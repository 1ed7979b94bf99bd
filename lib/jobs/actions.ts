// What a person may do to a job, by its status: one table, typed so that a new status kind fails the build
// until it is placed here. The CommCell has the last word (permissions, races); this decides what the
// dashboard offers, and which jobs of a selection an action does not apply to and why.

import type { Job } from "./job";
import type { StatusKind } from "./statuses";

export const JOB_ACTIONS = ["suspend", "resume", "kill", "resubmit"] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

export interface ActionInfo {
  readonly label: string;
  /** What the action does, in the words of a confirmation: "suspend 3 jobs". */
  readonly verb: string;
  /** The state a job passes through, and the one it ends in, as the CommCell reports them. */
  readonly pending: StatusKind | null;
  readonly final: StatusKind | null;
  /** Whether the person must type the number of jobs to confirm, whatever their number. */
  readonly typedConfirmation: boolean;
}

export const ACTION_INFO = {
  suspend: {
    label: "Suspend",
    verb: "suspend",
    pending: "suspend_pending",
    final: "suspended",
    typedConfirmation: false,
  },
  resume: { label: "Resume", verb: "resume", pending: null, final: "running", typedConfirmation: false },
  kill: { label: "Kill", verb: "kill", pending: "kill_pending", final: "killed", typedConfirmation: true },
  resubmit: { label: "Resubmit", verb: "resubmit", pending: null, final: null, typedConfirmation: false },
} as const satisfies Record<JobAction, ActionInfo>;

/** More jobs than this, and any action asks for the typed count. */
export const TYPED_CONFIRMATION_ABOVE = 10;
/** The most jobs one request may act on. */
export const MAX_JOBS_PER_ACTION = 1000;

const RUNNING = ["suspend", "kill"] as const;
const STOPPED = ["resume", "kill"] as const;
const NONE = [] as const;
const RETRY = ["resubmit"] as const;

/**
 * The actions that fit each status. A job in a pending state (a request already in flight) takes none: a
 * second request would only be refused. A finished job that did its work is not resubmitted from here.
 */
export const ACTIONS_BY_STATUS = {
  running: RUNNING,
  waiting: STOPPED,
  pending: STOPPED,
  queued: STOPPED,
  suspended: STOPPED,
  kill_pending: NONE,
  suspend_pending: NONE,
  interrupt_pending: NONE,
  completed: NONE,
  completed_with_errors: RETRY,
  completed_with_warnings: NONE,
  committed: NONE,
  failed: RETRY,
  failed_to_start: RETRY,
  killed: RETRY,
  interrupted: RETRY,
  unknown: NONE,
} as const satisfies Record<StatusKind, readonly JobAction[]>;

export function actionsFor(job: Pick<Job, "statusKind">): readonly JobAction[] {
  return ACTIONS_BY_STATUS[job.statusKind];
}

export function actionFits(action: JobAction, job: Pick<Job, "statusKind">): boolean {
  return (actionsFor(job) as readonly JobAction[]).includes(action);
}

/** Why an action does not apply to a job, in words for the preview. */
export function whyNot(action: JobAction, job: Pick<Job, "statusKind" | "status">): string {
  const status = job.status ?? "unknown";
  if (job.statusKind.endsWith("_pending")) return `a request is already in flight (${status})`;
  if (action === "resubmit") return `only failed, killed or partly failed jobs are resubmitted (${status})`;
  if (action === "resume") return `only a suspended or waiting job is resumed (${status})`;
  return `the job is not running (${status})`;
}

export interface ActionPreview<J> {
  readonly action: JobAction;
  readonly applicable: readonly J[];
  readonly notApplicable: readonly { readonly job: J; readonly why: string }[];
  /** Ids asked for that are not among the jobs (not visible, or gone). */
  readonly unknown: readonly number[];
}

/** What an action would do to a set of jobs: which it applies to, which not and why. */
export function previewAction<J extends Pick<Job, "id" | "statusKind" | "status">>(
  action: JobAction,
  ids: readonly number[],
  jobs: ReadonlyMap<number, J>,
): ActionPreview<J> {
  const applicable: J[] = [];
  const notApplicable: { job: J; why: string }[] = [];
  const unknown: number[] = [];
  for (const id of new Set(ids)) {
    const job = jobs.get(id);
    if (!job) unknown.push(id);
    else if (actionFits(action, job)) applicable.push(job);
    else notApplicable.push({ job, why: whyNot(action, job) });
  }
  return { action, applicable, notApplicable, unknown };
}

/** Whether the person must type the number of jobs before this action is sent. */
export function needsTypedCount(action: JobAction, count: number): boolean {
  return ACTION_INFO[action].typedConfirmation || count > TYPED_CONFIRMATION_ABOVE;
}

/** Whether a job has reached where an action leads (or left the state it was in, for resume/resubmit). */
export function actionSettled(action: JobAction, job: Pick<Job, "statusKind" | "active">): boolean {
  const { pending, final } = ACTION_INFO[action];
  if (pending !== null && job.statusKind === pending) return false;
  if (final !== null) return job.statusKind === final || !job.active;
  return true;
}
