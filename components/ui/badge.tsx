import type { ReactNode } from "react";
import type { StatusTone } from "@/lib/jobs/statuses";

// Tone classes read the CSS variables in app/globals.css, so both themes follow one palette.
const TONE_CLASS = {
  success: "text-[var(--tone-success)] bg-[var(--tone-success-bg)]",
  warning: "text-[var(--tone-warning)] bg-[var(--tone-warning-bg)]",
  danger: "text-[var(--tone-danger)] bg-[var(--tone-danger-bg)]",
  info: "text-[var(--tone-info)] bg-[var(--tone-info-bg)]",
  pending: "text-[var(--tone-pending)] bg-[var(--tone-pending-bg)]",
  paused: "text-[var(--tone-paused)] bg-[var(--tone-paused-bg)]",
  neutral: "text-[var(--tone-neutral)] bg-[var(--tone-neutral-bg)]",
} as const satisfies Record<StatusTone, string>;

export function Badge({ tone, icon, children }: { tone: StatusTone; icon?: ReactNode; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONE_CLASS[tone]}`}
    >
      {icon}
      {children}
    </span>
  );
}
