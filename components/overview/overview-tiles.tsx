import Link from "next/link";
import type { OverviewLinks } from "@/lib/jobs/overview-links";
import type { OverviewTiles as Tiles } from "@/lib/jobs/overview-metrics";
import { STATUS_GROUPS, TILE_KEYS, toneColour } from "@/lib/jobs/status-groups";
import { ProtectedTile } from "./protected-tile";

/** The numbers that answer "is anything broken": each opens the /jobs view of the jobs behind it. */
export function OverviewTiles({ tiles, links }: { tiles: Tiles; links: OverviewLinks }) {
  const items = TILE_KEYS.map((key) => {
    const group = STATUS_GROUPS[key];
    return {
      key,
      label: group.label,
      value: tiles[key],
      href: links.status([...group.kinds], group.category),
      tone: group.tone,
    };
  });
  return (
    <ul aria-label="Overview" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((item) => (
        <li key={item.key}>
          <Link
            href={item.href}
            className="flex h-full flex-col gap-1 rounded-lg border border-[var(--border)] bg-[var(--surface)] p-3 hover:border-[var(--tone-info)]"
            data-tile={item.label}
          >
            <span className="text-3xl font-semibold tabular-nums" style={{ color: toneColour(item.tone) }}>
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
      <li>
        <ProtectedTile />
      </li>
    </ul>
  );
}
