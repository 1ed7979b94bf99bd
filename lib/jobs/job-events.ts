// A job's events as the CommCell's event log tells them (GET Events?jobId=): what happened, when, how
// severe, in the CommCell's words. Newest first.

export const EVENT_SEVERITIES = ["info", "minor", "major", "critical"] as const;
export type EventSeverity = (typeof EVENT_SEVERITIES)[number];

export interface JobEvent {
  readonly id: number;
  readonly jobId: number;
  /** Epoch ms. */
  readonly time: number;
  readonly severity: EventSeverity;
  /** "19:182": Commvault's event code, as its consoles show it. */
  readonly code: string | null;
  readonly description: string;
}

/** Commvault's numeric severities: 0-2 information, 3-5 minor, 6-8 major, 9 and above critical. */
export function severityOf(level: number): EventSeverity {
  if (level >= 9) return "critical";
  if (level >= 6) return "major";
  if (level >= 3) return "minor";
  return "info";
}
