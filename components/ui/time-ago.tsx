"use client";

import { useNow } from "@/components/hooks/use-now";
import { formatRelative } from "@/lib/jobs/format";

/**
 * "12 s ago", kept true by its own clock. A page that shows one such time holds it here rather than
 * calling useNow itself: the page would otherwise render everything it shows every second (the coverage
 * page's whole table: about 28 ms of script a second while nothing changed).
 */
export function TimeAgo({ time }: { time: number }) {
  const now = useNow() ?? Date.now();
  return formatRelative(time, now);
}

/** A page's "updated 12 s ago" beside its controls, "loading…" before its first answer. */
export function UpdatedAgo({ fetchedAt, pending }: { fetchedAt: string | undefined; pending: boolean }) {
  return (
    <span data-testid="updated" className="text-[var(--muted)]">
      {fetchedAt !== undefined ? (
        <>
          updated <TimeAgo time={Date.parse(fetchedAt)} />
        </>
      ) : pending ? (
        "loading…"
      ) : (
        ""
      )}
    </span>
  );
}
