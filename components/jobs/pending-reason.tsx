import type { PendingReason } from "@/lib/jobs/pending-reason";

/** The first reason in a row, with the count of the others; React escapes it, so markup shows as text. */
export function PendingReasonSummary({
  reason,
  stoppedFor,
}: {
  reason: PendingReason | null;
  stoppedFor?: string | null;
}) {
  const [first, ...others] = reason?.reasons ?? [];
  if (!first) return <span className="text-[var(--muted)]">–</span>;
  return (
    <span className="block truncate" title={reason?.reasons.map((r) => r.message).join("\n")}>
      {stoppedFor && <span className="mr-1 text-xs text-[var(--muted)]">[{stoppedFor}]</span>}
      {first.message}
      {others.length > 0 && <span className="ml-1 text-xs text-[var(--muted)]">(+{others.length} more)</span>}
    </span>
  );
}

/** Every reason on its own line, with Source and Process as small labels and the error code. */
export function PendingReasonFull({ reason }: { reason: PendingReason }) {
  return (
    <div className="space-y-2">
      <ul className="space-y-2">
        {reason.reasons.map((part, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder; two may read alike
          <li key={index} className="rounded-md border border-[var(--border)] p-2">
            <p>{part.message}</p>
            <p className="mt-1 flex gap-2 text-xs text-[var(--muted)]">
              {part.source && <span>Source: {part.source}</span>}
              {part.process && <span>Process: {part.process}</span>}
            </p>
          </li>
        ))}
      </ul>
      {reason.errorCode && <p className="text-xs text-[var(--muted)]">Error code {reason.errorCode}</p>}
    </div>
  );
}
