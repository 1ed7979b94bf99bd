import type { OverviewTiles } from "@/lib/jobs/overview-metrics";
import type { StatusTone } from "@/lib/jobs/statuses";

const TILES = [
  { key: "running", label: "Running", tone: "info" },
  { key: "waiting", label: "Waiting", tone: "pending" },
  { key: "suspended", label: "Suspended", tone: "paused" },
  { key: "failed", label: "Failed", tone: "danger" },
  { key: "completedWithErrors", label: "With errors", tone: "danger" },
  { key: "completedWithWarnings", label: "With warnings", tone: "warning" },
  { key: "completed", label: "Completed", tone: "success" },
] as const satisfies readonly { key: keyof OverviewTiles; label: string; tone: StatusTone }[];

/** The state of the CommCell in numbers big enough to read from across a room (6 % of the screen's height). */
export function WallTiles({ tiles }: { tiles: OverviewTiles }) {
  const rate = tiles.successRate === null ? "–" : `${(tiles.successRate * 100).toFixed(1)} %`;
  return (
    <ul aria-label="Job counts" className="grid grid-cols-8 gap-[1vh]" data-panel="tiles">
      {TILES.map((tile) => {
        const value = tiles[tile.key];
        // A zero is quiet; a failure count lights up.
        const tone = value === 0 ? "neutral" : tile.tone;
        return (
          <li
            key={tile.key}
            data-tile={tile.key}
            className="flex min-w-0 flex-col rounded-[1vh] border border-[var(--border)] bg-[var(--surface)] px-[1vh] py-[0.6vh]"
          >
            <span className="truncate text-[2vh] text-[var(--muted)]">{tile.label}</span>
            <span
              data-testid="tile-value"
              className="text-[6vh] font-bold leading-none tabular-nums"
              style={{ color: `var(--tone-${tone})` }}
            >
              {value}
            </span>
          </li>
        );
      })}
      <li
        data-tile="successRate"
        className="flex min-w-0 flex-col rounded-[1vh] border border-[var(--border)] bg-[var(--surface)] px-[1vh] py-[0.6vh]"
      >
        <span className="truncate text-[2vh] text-[var(--muted)]">Success rate</span>
        <span data-testid="tile-value" className="text-[6vh] font-bold leading-none tabular-nums">
          {rate}
        </span>
      </li>
    </ul>
  );
}
