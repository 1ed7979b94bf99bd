import Link from "next/link";
import type { OverviewTiles as Tiles } from "@/lib/jobs/overview-metrics";

/** The numbers that answer "is anything broken": each opens the /jobs view of the jobs behind it. */
export function OverviewTiles({ tiles, window }: { tiles: Tiles; window: string }) {
  const link = (params: string) => `/jobs?type=all&window=${window}&${params}`;
  const items = [
    { label: "Running", value: tiles.running, href: link("category=active&status=running"), tone: "info" },
    {
      label: "Waiting, pending, queued",
      value: tiles.waiting,
      href: link("category=active&status=waiting,pending,queued"),
      tone: "pending",
    },
    {
      label: "Suspended",
      value: tiles.suspended,
      href: link("category=active&status=suspended,suspend_pending"),
      tone: "paused",
    },
    {
      label: "Failed, failed to start, killed",
      value: tiles.failed,
      href: link("status=failed,failed_to_start,killed,interrupted"),
      tone: "danger",
    },
    {
      label: "Completed with errors",
      value: tiles.completedWithErrors,
      href: link("status=completed_with_errors"),
      tone: "warning",
    },
    {
      label: "Completed with warnings",
      value: tiles.completedWithWarnings,
      href: link("status=completed_with_warnings"),
      tone: "warning",
    },
    { label: "Completed", value: tiles.completed, href: link("status=completed,committed"), tone: "success" },
  ] as const;
  return (
    <ul aria-label="Overview" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((item) => (
        <li key={item.label}>
          <Link
            href={item.href}
            className="flex h-full flex-col gap-1 rounded-lg border border-[var(--border)] bg-[var(--surface)] p-3 hover:border-[var(--tone-info)]"
            data-tile={item.label}
          >
            <span
              className="text-3xl font-semibold tabular-nums"
              style={{ color: `var(--tone-${item.tone})` }}
            >
              {item.value}
            </span>
            <span className="text-sm">{item.label}</span>
          </Link>
        </li>
      ))}
      <li
        className="flex flex-col gap-1 rounded-lg border border-[var(--border)] bg-[var(--surface)] p-3"
        data-tile="Success rate"
      >
        <span className="text-3xl font-semibold tabular-nums">
          {tiles.successRate === null ? "–" : `${(tiles.successRate * 100).toFixed(1)} %`}
        </span>
        <span className="text-sm">Success rate (finished)</span>
      </li>
    </ul>
  );
}
