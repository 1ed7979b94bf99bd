import { memo } from "react";
import { formatDuration } from "@/lib/jobs/format";
import { REASON_CLASS_LABELS } from "@/lib/jobs/reason-class";
import type { WallReasonGroup } from "@/lib/jobs/wall-summary";

/** Waiting, pending, queued and suspended jobs by why: six classes at most, so they always fit. */
export const WallWaiting = memo(function WallWaiting({ groups }: { groups: readonly WallReasonGroup[] }) {
  if (groups.length === 0) return <p className="text-[2.4vh] text-[var(--muted)]">Nothing is waiting.</p>;
  return (
    <ul aria-label="Waiting jobs by reason" className="space-y-[0.6vh] text-[2.1vh]">
      {groups.map((group) => (
        <li
          key={group.reasonClass}
          data-reason-class={group.reasonClass}
          className="flex items-baseline gap-[1vw]"
        >
          <span className="w-[3.5em] shrink-0 text-right text-[3vh] font-bold tabular-nums">
            {group.count}
          </span>
          <span className="min-w-0 flex-1 truncate">{REASON_CLASS_LABELS[group.reasonClass]}</span>
          <span className="shrink-0 text-[var(--muted)] tabular-nums">
            {group.longestSeconds === null ? "" : `up to ${formatDuration(group.longestSeconds)}`}
          </span>
        </li>
      ))}
    </ul>
  );
});
