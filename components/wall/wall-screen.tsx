"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useMemo } from "react";
import { useClock } from "@/components/hooks/use-now";
import { ApiFailure } from "@/lib/client/fetch-api";
import { serializeFilters } from "@/lib/jobs/filters";
import { describeFilters } from "@/lib/jobs/filters-caption";
import { timeZoneOf } from "@/lib/jobs/view-params";
import { parseWall } from "@/lib/jobs/wall-params";
import { freshnessOf } from "@/lib/wall/freshness";
import { useScheduledReload } from "./use-scheduled-reload";
import { useSeenFailures } from "./use-seen-failures";
import { useWallView } from "./use-wall-view";
import { WallBanner, WallHeader } from "./wall-header";
import { type BodyPanel, Panel, Rotation } from "./wall-panels";
import { WallTiles } from "./wall-tiles";

// The screen renders when an answer arrives or the data turns stale (or fresh again), not every second:
// what shows the time reads the page's clock itself (the header, a row's "3 min ago", a highlight's end).
// A wall runs for weeks, and every function run each second is code V8 keeps compiling to higher tiers.

export function WallScreen({ refreshFloorSeconds }: { refreshFloorSeconds: number }) {
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const { filters, wall, problems } = useMemo(() => parseWall(new URLSearchParams(query)), [query]);
  const apiQuery = serializeFilters(filters).toString();
  const intervalMs = Math.max(wall.refresh, refreshFloorSeconds) * 1000;
  const timeZone = timeZoneOf(wall.tz);
  const caption = useMemo(() => describeFilters(filters).join(" · "), [filters]);
  const { view, log } = useWallView(apiQuery, intervalMs);

  // The screen's look, and its name in the browser's tab list.
  useEffect(() => {
    document.documentElement.dataset.theme = "wall";
    document.title = `${wall.title ?? "Wall"} · CommCell Job Monitor`;
  }, [wall.title]);

  const seen = useSeenFailures(apiQuery, view.data?.summary.failures.rows);
  const stale = useClock((now) => freshnessOf(log, now, intervalMs).stale);
  useScheduledReload(wall.reload, log, seen);

  if (stale === null) return <div className="h-screen w-screen bg-[var(--background)]" />;

  const unauthorized = view.error instanceof ApiFailure && view.error.status === 401;
  const data = view.data;
  const others = wall.panels.filter((panel): panel is BodyPanel => panel !== "tiles");
  const rotation = wall.rotate !== null && others.length > 1;

  return (
    <main className="flex h-screen w-screen flex-col gap-[1.2vh] overflow-hidden p-[1.5vh] text-[2.1vh]">
      <WallHeader title={wall.title ?? "CommCell jobs"} caption={caption} timeZone={timeZone} log={log} />

      {(unauthorized || stale) && <WallBanner unauthorized={unauthorized} log={log} />}

      <div
        data-testid="wall-body"
        data-stale={stale || undefined}
        className={`flex min-h-0 flex-1 flex-col gap-[1.2vh] transition-opacity ${stale ? "opacity-40" : ""}`}
      >
        {data ? (
          <>
            {wall.panels.includes("tiles") && <WallTiles tiles={data.summary.tiles} />}
            {others.length > 0 &&
              (rotation ? (
                <Rotation panels={others} seconds={wall.rotate as number}>
                  {(panel, position) => (
                    <Panel
                      intervalMs={intervalMs}
                      panel={panel}
                      summary={data.summary}
                      timeZone={timeZone}
                      seen={seen}
                      aside={position}
                    />
                  )}
                </Rotation>
              ) : (
                <div
                  className="grid min-h-0 flex-1 gap-[1.2vh]"
                  style={{
                    gridTemplateColumns: others.length > 1 ? "repeat(2, minmax(0, 1fr))" : "minmax(0, 1fr)",
                    gridTemplateRows: others.length > 2 ? "minmax(0, 3fr) minmax(0, 2fr)" : "minmax(0, 1fr)",
                  }}
                >
                  {others.map((panel) => (
                    <Panel
                      intervalMs={intervalMs}
                      key={panel}
                      panel={panel}
                      summary={data.summary}
                      timeZone={timeZone}
                      seen={seen}
                    />
                  ))}
                </div>
              ))}
          </>
        ) : (
          !unauthorized && !stale && <p className="m-auto text-[3vh] text-[var(--muted)]">Loading jobs…</p>
        )}
      </div>

      {problems.length > 0 && (
        <p role="status" data-testid="problems" className="truncate text-[1.8vh] text-[var(--tone-warning)]">
          Ignored in the address: {problems.map((problem) => problem.message).join("; ")}
        </p>
      )}
    </main>
  );
}
