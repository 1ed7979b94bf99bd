import type { ReactNode } from "react";
import type { StatusTone } from "@/lib/jobs/statuses";

// Tone classes read the CSS variables in app/globals.css, so both themes follow one palette.
const TONE_CLASS = {
  success: "text-[var(--tone-success)] bg-[var(--tone-success-bg)]",
  warning: "text-[var(--tone-warning)] bg-[var(--tone-warning-bg)]",
  caution: "text-[var(--tone-caution)] bg-[var(--tone-caution-bg)]",
  danger: "text-[var(--tone-danger)] bg-[var(--tone-danger-bg)]",
  info: "text-[var(--tone-info)] bg-[var(--tone-info-bg)]",
  pending: "text-[var(--tone-pending)] bg-[var(--tone-pending-bg)]",
  paused: "text-[var(--tone-paused)] bg-[var(--tone-paused-bg)]",
  neutral: "text-[var(--tone-neutral)] bg-[var(--tone-neutral-bg)]",
} as const satisfies Record<StatusTone, string>;

/** "sm" for tables; "inherit" takes the surrounding type size, for a wall display read from afar. */
export type BadgeSize = "sm" | "inherit";

const SIZE_CLASS = {
  sm: "gap-1 px-2 py-0.5 text-xs",
  inherit: "gap-[0.3em] px-[0.5em] py-[0.1em]",
} as const satisfies Record<BadgeSize, string>;

export function Badge({
  tone,
  icon,
  size = "sm",
  children,
}: {
  tone: StatusTone;
  icon?: ReactNode;
  size?: BadgeSize;
  children: ReactNode;
}) {
  return (
    <span
      className={`inline-flex max-w-full items-center whitespace-nowrap rounded-full font-medium ${SIZE_CLASS[size]} ${TONE_CLASS[tone]}`}
    >
      {icon}
      {/* A long status ("Completed w/ one or more warnings") ends in an ellipsis inside its column. */}
      <span className="min-w-0 truncate">{children}</span>
    </span>
  );
}
