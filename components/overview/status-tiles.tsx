import { StatusBadge } from "@/components/jobs/status-badge";
import type { StatusCounts } from "@/lib/jobs/metrics";
import type { StatusKind } from "@/lib/jobs/statuses";

/** One tile per status kind: the count, large, over the kind's badge. */
export function StatusTiles({
  label,
  kinds,
  counts,
}: {
  label: string;
  kinds: readonly StatusKind[];
  counts: StatusCounts;
}) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {kinds.map((kind) => (
        <li
          key={kind}
          data-status-kind={kind}
          className="flex flex-col gap-2 rounded-lg border border-[var(--border)] bg-[var(--surface)] p-3"
        >
          <span className="text-3xl font-semibold tabular-nums" data-testid="count">
            {counts[kind]}
          </span>
          <StatusBadge kind={kind} />
        </li>
      ))}
    </ul>
  );
}
