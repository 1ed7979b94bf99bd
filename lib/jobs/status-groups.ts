// The one table of status groupings: which status kinds each tile counts, its label, its tone and the
// category its /jobs link opens. The overview tiles, the wall tiles, their links, the outcomes chart and
// its colours all read it, so "completed with errors" is the same colour and the same jobs everywhere.

import { STATUS_INFO, type StatusKind, type StatusTone } from "./statuses";

export const TILE_KEYS = [
  "running",
  "waiting",
  "suspended",
  "failed",
  "completedWithErrors",
  "completedWithWarnings",
  "completed",
] as const;
export type TileKey = (typeof TILE_KEYS)[number];

export interface StatusGroup {
  /** The overview's label, which names every kind counted. */
  readonly label: string;
  /** A shorter label where space is tight (the wall, chart legends). */
  readonly short: string;
  readonly kinds: readonly StatusKind[];
  readonly tone: StatusTone;
  /** Which jobs the group's link opens: active ones, or all within the window. */
  readonly category: "active" | "all";
}

/** Finished without doing the work: the "failed" tile, the wall's failures, the failed outcome. */
export const FAILURE_KINDS = [
  "failed",
  "failed_to_start",
  "killed",
  "interrupted",
] as const satisfies readonly StatusKind[];
export const FAILURE: ReadonlySet<StatusKind> = new Set(FAILURE_KINDS);

// `satisfies Record<TileKey, ...>`: a new tile fails the build here until it is described.
export const STATUS_GROUPS = {
  running: { label: "Running", short: "Running", kinds: ["running"], tone: "info", category: "active" },
  waiting: {
    label: "Waiting, pending, queued",
    short: "Waiting",
    kinds: ["waiting", "pending", "queued"],
    tone: "pending",
    category: "active",
  },
  suspended: {
    label: "Suspended",
    short: "Suspended",
    kinds: ["suspended", "suspend_pending"],
    tone: STATUS_INFO.suspended.tone,
    category: "active",
  },
  failed: {
    label: "Failed, failed to start, killed",
    short: "Failed",
    kinds: FAILURE_KINDS,
    tone: STATUS_INFO.failed.tone,
    category: "all",
  },
  completedWithErrors: {
    label: "Completed with errors",
    short: "With errors",
    kinds: ["completed_with_errors"],
    tone: STATUS_INFO.completed_with_errors.tone,
    category: "all",
  },
  completedWithWarnings: {
    label: "Completed with warnings",
    short: "With warnings",
    kinds: ["completed_with_warnings"],
    tone: STATUS_INFO.completed_with_warnings.tone,
    category: "all",
  },
  completed: {
    label: "Completed",
    short: "Completed",
    kinds: ["completed", "committed"],
    tone: STATUS_INFO.completed.tone,
    category: "all",
  },
} as const satisfies Record<TileKey, StatusGroup>;

/** Finished jobs that did their work: what the success rate counts. */
export const SUCCESS_KINDS: ReadonlySet<StatusKind> = new Set([
  ...STATUS_GROUPS.completed.kinds,
  ...STATUS_GROUPS.completedWithWarnings.kinds,
]);

export const OUTCOMES = ["completed", "warnings", "errors", "failed"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Each outcome of the outcomes chart is one of the finished tiles. */
export const OUTCOME_GROUP = {
  completed: "completed",
  warnings: "completedWithWarnings",
  errors: "completedWithErrors",
  failed: "failed",
} as const satisfies Record<Outcome, TileKey>;

/** The status kinds of each outcome: what the chart counts and what its bars link to. */
export const OUTCOME_KINDS = {
  completed: STATUS_GROUPS.completed.kinds,
  warnings: STATUS_GROUPS.completedWithWarnings.kinds,
  errors: STATUS_GROUPS.completedWithErrors.kinds,
  failed: STATUS_GROUPS.failed.kinds,
} as const satisfies Record<Outcome, readonly StatusKind[]>;

/** The CSS colour of a tone, from app/globals.css (both themes). */
export const toneColour = (tone: StatusTone): string => `var(--tone-${tone})`;
