import Link from "next/link";
import { formatDuration } from "@/lib/jobs/format";
import { REASON_CLASS_LABELS, type ReasonGroup } from "@/lib/jobs/reason-class";

/** Waiting and pending jobs by why they wait, with the longest wait; unclassed reasons keep their text. */
export function ReasonGroups({ groups }: { groups: readonly ReasonGroup[] }) {
  if (groups.length === 0) return <p className="text-sm text-[var(--muted)]">Nothing is waiting.</p>;
  return (
    <ul className="space-y-2 text-sm" aria-label="Waiting jobs by reason">
      {groups.map((group) => (
        <li
          key={group.reasonClass}
          className="rounded-md border border-[var(--border)] p-2"
          data-reason-class={group.reasonClass}
        >
          <Link
            className="font-medium underline-offset-2 hover:underline"
            href="/jobs?category=active&type=all&status=waiting,pending,queued,suspended,suspend_pending"
          >
            {REASON_CLASS_LABELS[group.reasonClass]}: {group.count}
          </Link>
          {group.longestSeconds !== null && (
            <span className="ml-2 text-[var(--muted)]">longest {formatDuration(group.longestSeconds)}</span>
          )}
          {group.texts.length > 0 && (
            <ul className="ml-4 mt-1 list-disc text-xs text-[var(--muted)]">
              {group.texts.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
