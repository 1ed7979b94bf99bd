import Link from "next/link";
import type { OverviewLinks } from "@/lib/jobs/overview-links";
import { FAILURE, OUTCOME_KINDS, type OverviewTiles as Tiles } from "@/lib/jobs/overview-metrics";

/** The numbers that answer "is anything broken": each opens the /jobs view of the jobs behind it. */
export function OverviewTiles({ tiles, links }: { tiles: Tiles; links: OverviewLinks }) {
  const items = [
    { label: "Running", value: tiles.running, href: links.status(["running"], "active"), tone: "info" },
    {
      label: "Waiting, pending, queued",
      value: tiles.waiting,
      href: links.status(["waiting", "pending", "queued"], "active"),
      tone: "pending",
    },
    {
      label: "Suspended",
      value: tiles.suspended,
      href: links.status(["suspended", "suspend_pending"], "active"),
      tone: "paused",
    },
    {
      label: "Failed, failed to start, killed",
      value: tiles.failed,
      href: links.status([...FAILURE], "all"),
      tone: "danger",
    },
    {
      label: "Completed with errors",
      value: tiles.completedWithErrors,
      href: links.status(OUTCOME_KINDS.errors, "all"),
      tone: "warning",
    },
    {
      label: "Completed with warnings",
      value: tiles.completedWithWarnings,
      href: links.status(OUTCOME_KINDS.warnings, "all"),
      tone: "warning",
    },
    {
      label: "Completed",
      value: tiles.completed,
      href: links.status(OUTCOME_KINDS.completed, "all"),
      tone: "success",
    },
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
