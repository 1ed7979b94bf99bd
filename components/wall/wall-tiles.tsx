import { memo } from "react";
import type { OverviewTiles } from "@/lib/jobs/overview-metrics";
import { STATUS_GROUPS, TILE_KEYS, toneColour } from "@/lib/jobs/status-groups";

/** The state of the CommCell in numbers big enough to read from across a room (6 % of the screen's height). */
export const WallTiles = memo(function WallTiles({ tiles }: { tiles: OverviewTiles }) {
  const rate = tiles.successRate === null ? "–" : `${(tiles.successRate * 100).toFixed(1)} %`;
  return (
    <ul aria-label="Job counts" className="grid grid-cols-8 gap-[1vh]" data-panel="tiles">
      {TILE_KEYS.map((key) => {
        const tile = { key, label: STATUS_GROUPS[key].short };
        const value = tiles[key];
        // A zero is quiet; a failure count lights up.
        const tone = value === 0 ? "neutral" : STATUS_GROUPS[key].tone;
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
              style={{ color: toneColour(tone) }}
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
});
