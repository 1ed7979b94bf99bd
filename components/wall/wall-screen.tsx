"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useNow } from "@/components/hooks/use-now";
import type { WallView } from "@/lib/api/wall-view";
import { ApiFailure, fetchApi } from "@/lib/client/fetch-api";
import { serializeFilters } from "@/lib/jobs/filters";
import { describeFilters } from "@/lib/jobs/filters-caption";
import { timeZoneOf } from "@/lib/jobs/view-params";
import { type WallPanel as PanelId, parseWall, WALL_PANEL_LABELS } from "@/lib/jobs/wall-params";
import type { WallSummary } from "@/lib/jobs/wall-summary";
import { EMPTY_LOG, formatAge, freshnessOf, recordAnswer, recordFailure } from "@/lib/wall/freshness";
import {
  anyNewFailure,
  isNewFailure,
  parseSeen,
  type SeenFailures,
  serializeSeen,
  trackFailures,
} from "@/lib/wall/new-failures";
import { reloadDue } from "@/lib/wall/reload-schedule";
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
  const [log, setLog] = useState(EMPTY_LOG);

  const view = useQuery({
    queryKey: ["wall", apiQuery],
    queryFn: async ({ signal }) => {
      try {
        const answer = await fetchApi<WallView>(`/api/wall?${apiQuery}`, signal);
        const received = {
          fetchedAt: Date.parse(answer.fetchedAt),
          serverTime: Date.parse(answer.serverTime),
          stale: answer.stale,
          error: answer.error?.message ?? null,
        };
        setLog((current) => recordAnswer(current, received, Date.now()));
        return answer;
      } catch (error) {
        if (!signal.aborted)
          setLog((current) => recordFailure(current, (error as Error).message, Date.now()));
        throw error;
      }
    },
    refetchInterval: intervalMs,
    // A TV must never freeze: keep polling when the browser thinks nobody is looking.
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    // Each refresh is one attempt, so two misses mean two intervals without news.
    retry: false,
    placeholderData: keepPreviousData,
  });

  // The screen's look, and its name in the browser's tab list.
  useEffect(() => {
    document.documentElement.dataset.theme = "wall";
    document.title = `${wall.title ?? "Wall"} · CommCell Job Monitor`;
  }, [wall.title]);

  // Failures the screen has not seen before are highlighted; remembered across the screen's own reloads.
  const storageKey = `cjm-wall-seen:${apiQuery}`;
  const [seen, setSeen] = useState<SeenFailures>(new Map());
  const started = useRef<string | null>(null);
  const failureIds = view.data?.summary.failures.rows.map((row) => row.id).join(",");
  useEffect(() => {
    if (failureIds === undefined) return;
    setSeen((current) => {
      const previous =
        started.current === storageKey ? current : parseSeen(sessionStorage.getItem(storageKey));
      started.current = storageKey;
      const ids = failureIds === "" ? [] : failureIds.split(",").map(Number);
      const next = trackFailures(previous, ids, Date.now());
      try {
        sessionStorage.setItem(storageKey, serializeSeen(next));
      } catch {
        // Storage full or refused: highlights then only last until the next reload.
      }
      return next;
    });
  }, [failureIds, storageKey]);

  const freshness = now === null ? null : freshnessOf(log, now, intervalMs);

  // A reload every few hours caps what a browser left on for weeks holds, at a quiet moment.
  const loadedAt = useRef(0);
  useEffect(() => {
    if (loadedAt.current === 0) loadedAt.current = Date.now();
    if (now === null) return;
    if (
      reloadDue({
        loadedAt: loadedAt.current,
        now,
        everyHours: wall.reload,
        lastRefreshOk: log.settledAt !== null && log.misses === 0,
        highlighting: anyNewFailure(seen, now),
      })
    )
      window.location.reload();
  }, [now, wall.reload, log, seen]);

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
}: {
  panel: Exclude<PanelId, "tiles">;
  summary: WallSummary;
  now: number;
  timeZone: string | undefined;
  seen: SeenFailures;
  aside?: string;
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
  }
}
