// The job status vocabulary: one table, from which every status-dependent map and filter is derived.
// Source: ../shared/reference/commvault-api.md ("Status vocabulary") and the seed's samples.

import { memoByText } from "./memo-by-text";

// "caution" sits between warning and danger: a job that finished with errors did part of its work.
export const STATUS_TONES = [
  "success",
  "warning",
  "caution",
  "danger",
  "info",
  "pending",
  "paused",
  "neutral",
] as const;
export type StatusTone = (typeof STATUS_TONES)[number];

export const STATUS_KINDS = [
  "running",
  "waiting",
  "pending",
  "queued",
  "suspended",
  "kill_pending",
  "suspend_pending",
  "interrupt_pending",
  "completed",
  "completed_with_errors",
  "completed_with_warnings",
  "committed",
  "failed",
  "failed_to_start",
  "killed",
  "interrupted",
  "unknown",
] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

export interface StatusInfo {
  /** The text a CommCell sends for this status (the English `status` value). */
  readonly text: string;
  readonly label: string;
  /** Still in the job controller: counted as active by `jobCategory=Active`. */
  readonly active: boolean;
  readonly tone: StatusTone;
}

// `satisfies Record<StatusKind, ...>`: a new kind fails the build here until it is described.
export const STATUS_INFO = {
  running: { text: "Running", label: "Running", active: true, tone: "info" },
  waiting: { text: "Waiting", label: "Waiting", active: true, tone: "pending" },
  pending: { text: "Pending", label: "Pending", active: true, tone: "pending" },
  queued: { text: "Queued", label: "Queued", active: true, tone: "pending" },
  suspended: { text: "Suspended", label: "Suspended", active: true, tone: "paused" },
  kill_pending: { text: "Kill Pending", label: "Kill pending", active: true, tone: "pending" },
  suspend_pending: { text: "Suspend Pending", label: "Suspend pending", active: true, tone: "pending" },
  interrupt_pending: { text: "Interrupt Pending", label: "Interrupt pending", active: true, tone: "pending" },
  completed: { text: "Completed", label: "Completed", active: false, tone: "success" },
  completed_with_errors: {
    text: "Completed w/ one or more errors",
    label: "Completed with errors",
    active: false,
    tone: "caution",
  },
  completed_with_warnings: {
    text: "Completed w/ one or more warnings",
    label: "Completed with warnings",
    active: false,
    tone: "warning",
  },
  committed: { text: "Committed", label: "Committed", active: false, tone: "success" },
  failed: { text: "Failed", label: "Failed", active: false, tone: "danger" },
  failed_to_start: { text: "Failed to Start", label: "Failed to start", active: false, tone: "danger" },
  killed: { text: "Killed", label: "Killed", active: false, tone: "danger" },
  interrupted: { text: "Interrupted", label: "Interrupted", active: false, tone: "danger" },
  unknown: { text: "", label: "Unknown", active: false, tone: "neutral" },
} as const satisfies Record<StatusKind, StatusInfo>;

/** Lower-cased, space-folded form used to compare status texts: "Completed  W/ one..." still matches. */
export function foldStatusText(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

const KIND_BY_TEXT: ReadonlyMap<string, StatusKind> = new Map(
  STATUS_KINDS.filter((kind) => kind !== "unknown").map((kind) => [
    foldStatusText(STATUS_INFO[kind].text),
    kind,
  ]),
);

/**
 * The kind of a status text. Matching is exact after case and space folding: "Completed w/ one or more
 * errors" must never be read as "Completed", so there is no prefix or substring matching.
 */
export function statusKindOf(text: string | null | undefined): StatusKind {
  if (!text) return "unknown";
  return kindOfText(text);
}

const kindOfText = memoByText(
  (text: string): StatusKind => KIND_BY_TEXT.get(foldStatusText(text)) ?? "unknown",
);

export function isStatusKind(value: string): value is StatusKind {
  return (STATUS_KINDS as readonly string[]).includes(value);
}

// The CommCell's own colour hint (`statusColor`): where it names a colour, the badge follows it; "black"
// is its everyday colour and says nothing, so the kind's own tone is kept.
const TONE_BY_STATUS_COLOR: ReadonlyMap<string, StatusTone> = new Map([
  ["redspan", "danger"],
  ["greenspan", "info"],
  ["yellowspan", "warning"],
  ["orangespan", "warning"],
  ["bluespan", "info"],
]);

export function statusTone(kind: StatusKind, statusColor: string | null): StatusTone {
  return (statusColor && TONE_BY_STATUS_COLOR.get(statusColor.toLowerCase())) || STATUS_INFO[kind].tone;
}
