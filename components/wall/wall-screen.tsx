"use client";

import { useSearchParams } from "next/navigation";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useNow } from "@/components/hooks/use-now";
import { ApiFailure } from "@/lib/client/fetch-api";
import { serializeFilters } from "@/lib/jobs/filters";
import { describeFilters } from "@/lib/jobs/filters-caption";
import { timeZoneOf } from "@/lib/jobs/view-params";
import { type WallPanel as PanelId, parseWall, WALL_PANEL_LABELS } from "@/lib/jobs/wall-params";
import type { WallSummary } from "@/lib/jobs/wall-summary";
import { formatAge, freshnessOf } from "@/lib/wall/freshness";
import { isNewFailure, type SeenFailures } from "@/lib/wall/new-failures";
import { useScheduledReload } from "./use-scheduled-reload";
import { useSeenFailures } from "./use-seen-failures";
import { useWallView } from "./use-wall-view";
import { WallCoverage } from "./wall-coverage";
import { WallJobList } from "./wall-job-list";
import { WallPanel } from "./wall-panel";
import { ActiveRow, FailureRow } from "./wall-rows";
import { WallSavings } from "./wall-savings";
import { WallTiles } from "./wall-tiles";
import { WallWaiting } from "./wall-waiting";

const clockFormat = (timeZone: string | undefined) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });

export function WallScreen({ refreshFloorSeconds }: { refreshFloorSeconds: number }) {
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const { filters, wall, problems } = useMemo(() => parseWall(new URLSearchParams(query)), [query]);
  const apiQuery = serializeFilters(filters).toString();
  const intervalMs = Math.max(wall.refresh, refreshFloorSeconds) * 1000;
  const timeZone = timeZoneOf(wall.tz);
  const now = useNow();
  const { view, log } = useWallView(apiQuery, intervalMs);

  // The screen's look, and its name in the browser's tab list.
  useEffect(() => {
    document.documentElement.dataset.theme = "wall";
    document.title = `${wall.title ?? "Wall"} · CommCell Job Monitor`;
  }, [wall.title]);

  const seen = useSeenFailures(apiQuery, view.data?.summary.failures.rows);

  const freshness = now === null ? null : freshnessOf(log, now, intervalMs);

  useScheduledReload(now, wall.reload, log, seen);

  if (now === null || freshness === null) return <div className="h-screen w-screen bg-[var(--background)]" />;

  const unauthorized = view.error instanceof ApiFailure && view.error.status === 401;
  const data = view.data;
  const others = wall.panels.filter((panel): panel is Exclude<PanelId, "tiles"> => panel !== "tiles");
  const rotation = wall.rotate !== null && others.length > 1;
  const clock = clockFormat(timeZone);

  return (
    <main className="flex h-screen w-screen flex-col gap-[1.2vh] overflow-hidden p-[1.5vh] text-[2.1vh]">
      <header className="flex items-end justify-between gap-[2vw]">
        <div className="min-w-0">
          <h1 className="truncate text-[3.6vh] font-bold">{wall.title ?? "CommCell jobs"}</h1>
          <p data-testid="caption" className="truncate text-[2.2vh] text-[var(--muted)]">
            {describeFilters(filters).join(" · ")}
          </p>
        </div>
        <div className="shrink-0 text-right">
          <p className="text-[3.6vh] font-bold leading-none tabular-nums">{clock.format(now)}</p>
          <p data-testid="updated" className="text-[2.2vh] text-[var(--muted)]">
            {log.fetchedAt === null
              ? "waiting for the first update…"
              : `updated ${clock.format(log.fetchedAt - log.clockOffsetMs)} · ${formatAge(freshness.ageMs ?? 0)} ago`}
          </p>
        </div>
      </header>

      {unauthorized ? (
        <Banner>
          This screen is not signed in any more. Open it once with its display key (?key=…) to sign it in
          again.
        </Banner>
      ) : (
        freshness.stale && (
          <Banner>
            {freshness.ageMs === null ? "No data yet" : `Data is ${formatAge(freshness.ageMs)} old`}
            {log.lastError ? `: ${log.lastError}` : ""}
          </Banner>
        )
      )}

      <div
        data-testid="wall-body"
        data-stale={freshness.stale || undefined}
        className={`flex min-h-0 flex-1 flex-col gap-[1.2vh] transition-opacity ${freshness.stale ? "opacity-40" : ""}`}
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
                      now={now}
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
                      now={now}
                      timeZone={timeZone}
                      seen={seen}
                    />
                  ))}
                </div>
              ))}
          </>
        ) : (
          !unauthorized &&
          !freshness.stale && <p className="m-auto text-[3vh] text-[var(--muted)]">Loading jobs…</p>
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

function Banner({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      data-testid="stale-banner"
      className="rounded-[1vh] bg-[var(--tone-danger-bg)] px-[1.5vh] py-[1vh] text-[3.6vh] font-bold text-white"
    >
      {children}
    </p>
  );
}

/** One panel at a time, changing every `seconds`; the panel's title says where in the cycle it is. */
function Rotation({
  panels,
  seconds,
  children,
}: {
  panels: readonly Exclude<PanelId, "tiles">[];
  seconds: number;
  children: (panel: Exclude<PanelId, "tiles">, position: string) => ReactNode;
}) {
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTurn((current) => (current + 1) % panels.length), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds, panels.length]);
  const index = turn % panels.length;
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="rotation" data-panel-shown={panels[index]}>
      {children(panels[index] as Exclude<PanelId, "tiles">, `${index + 1} / ${panels.length}`)}
    </div>
  );
}

function Panel({
  panel,
  summary,
  now,
  timeZone,
  seen,
  aside,
  intervalMs,
}: {
  panel: Exclude<PanelId, "tiles">;
  summary: WallSummary;
  now: number;
  timeZone: string | undefined;
  seen: SeenFailures;
  aside?: string;
  intervalMs: number;
}) {
  const title = WALL_PANEL_LABELS[panel];
  switch (panel) {
    case "failures":
      return (
        <WallPanel id={panel} title={`${title} (${summary.failures.total})`} aside={aside}>
          <WallJobList
            list={summary.failures}
            label="Failed jobs, newest first"
            empty="No failures."
            highlight={(job) => isNewFailure(seen, job.id, now)}
            row={(job, isNew) => <FailureRow job={job} now={now} timeZone={timeZone} isNew={isNew} />}
          />
        </WallPanel>
      );
    case "active":
      return (
        <WallPanel id={panel} title={`${title} (${summary.active.total})`} aside={aside}>
          <WallJobList
            list={summary.active}
            label="Active jobs"
            empty="Nothing is running."
            row={(job) => <ActiveRow job={job} />}
          />
        </WallPanel>
      );
    case "waiting":
      return (
        <WallPanel id={panel} title={title} aside={aside}>
          <WallWaiting groups={summary.waiting} />
        </WallPanel>
      );
    case "savings":
      return (
        <WallPanel id={panel} title={title} aside={aside}>
          <WallSavings savings={summary.savings} />
        </WallPanel>
      );
    case "coverage":
      return (
        <WallPanel id={panel} title={title} aside={aside}>
          <WallCoverage intervalMs={intervalMs} />
        </WallPanel>
      );
  }
}
