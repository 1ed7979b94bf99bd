import {
  Ban,
  CircleAlert,
  CircleCheck,
  CircleHelp,
  CirclePause,
  CircleSlash,
  CircleX,
  Clock,
  Hourglass,
  ListOrdered,
  Loader,
  type LucideIcon,
  OctagonX,
  TriangleAlert,
} from "lucide-react";
import { Badge, type BadgeSize } from "@/components/ui/badge";
import { STATUS_INFO, type StatusKind, statusTone } from "@/lib/jobs/statuses";

// Every kind has its own icon, so status reads without colour (WCAG 1.4.1).
const STATUS_ICON = {
  running: Loader,
  waiting: Hourglass,
  pending: Clock,
  queued: ListOrdered,
  suspended: CirclePause,
  kill_pending: OctagonX,
  suspend_pending: CirclePause,
  interrupt_pending: CircleSlash,
  completed: CircleCheck,
  completed_with_errors: CircleAlert,
  completed_with_warnings: TriangleAlert,
  committed: CircleCheck,
  failed: CircleX,
  failed_to_start: Ban,
  killed: OctagonX,
  interrupted: CircleSlash,
  unknown: CircleHelp,
} as const satisfies Record<StatusKind, LucideIcon>;

/**
 * A job's status: the server's text when it has one (unknown statuses show as themselves), in the colour
 * the server hints at, or the kind's own.
 */
export function StatusBadge({
  kind,
  text,
  statusColor = null,
  size = "sm",
}: {
  kind: StatusKind;
  text?: string | null;
  statusColor?: string | null;
  size?: BadgeSize;
}) {
  const Icon = STATUS_ICON[kind];
  const label = text ?? STATUS_INFO[kind].label;
  return (
    <Badge
      tone={statusTone(kind, statusColor)}
      size={size}
      icon={
        <Icon aria-hidden="true" data-icon={kind} className={size === "sm" ? "size-3.5" : "size-[1em]"} />
      }
    >
      {label}
    </Badge>
  );
}
