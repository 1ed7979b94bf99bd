// A job as the simulated CommCell plans it: when it starts, how long it waits and runs, what happens to it
// on the way and how it ends. Its state at any moment is computed from the plan (job-state.ts).

import type { FinalStatus, SimJobKind, SimLevel, WaitStatus } from "./catalog";
import type { Subclient } from "./estate";

export interface Reason {
  readonly text: string;
  readonly code: string;
}

export interface JobPlan {
  readonly id: number;
  readonly kind: SimJobKind;
  /** Unix seconds. */
  readonly start: number;
  /** How long the job waits before it runs, and as what. */
  readonly wait: { readonly seconds: number; readonly status: WaitStatus; readonly reason: Reason } | null;
  readonly runSeconds: number;
  /** A stop on the way: at a share of the run, for a while, pending or suspended. */
  readonly interruption: {
    readonly atShare: number;
    readonly seconds: number;
    readonly status: WaitStatus;
    readonly reason: Reason;
  } | null;
  readonly outcome: FinalStatus;
  /** The reason shown once the job has ended (failures, kills, errors). */
  readonly outcomeReason: Reason | null;
  readonly submitErrorCode: number;
  readonly subclient: Subclient | null;
  readonly level: SimLevel | null;
  readonly phases: readonly string[];
  readonly appBytes: number;
  readonly mediaBytes: number;
  readonly files: number;
  readonly failedFiles: number;
  readonly failedFolders: number;
  readonly userName: string;
  /** A workflow's own name, shown as its operation. */
  readonly title: string | null;
  /** When the job ends if the API does nothing to it (unix seconds); kept to filter without recomputing. */
  readonly plannedEnd: number;
}
