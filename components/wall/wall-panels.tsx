"use client";

import { memo, type ReactNode, useEffect, useState } from "react";
import type { WallPanel as PanelId } from "@/lib/jobs/wall-params";
import { WALL_PANEL_LABELS } from "@/lib/jobs/wall-params";
import type { WallSummary } from "@/lib/jobs/wall-summary";
import { isNewFailure, type SeenFailures } from "@/lib/wall/new-failures";
import { WallCoverage } from "./wall-coverage";
import { WallJobList } from "./wall-job-list";
import { WallPanel } from "./wall-panel";
import { ActiveRow, FailureRow } from "./wall-rows";
import { WallSavings } from "./wall-savings";
import { WallWaiting } from "./wall-waiting";

// The wall's panels below the tiles. Each is drawn again only when its own part of the answer changes:
// React Query keeps an unchanged part of a new answer as the same object, and the panels are memo. The
// clock never draws them; a row's "3 min ago" and a failure's highlight read it themselves.

export type BodyPanel = Exclude<PanelId, "tiles">;

export function Panel({
  panel,
  summary,
  timeZone,
  seen,
  aside,
  intervalMs,
}: {
  panel: BodyPanel;
  summary: WallSummary;
  timeZone: string | undefined;
  seen: SeenFailures;
  aside?: string;
  intervalMs: number;
}) {
  switch (panel) {
    case "failures":
      return <FailuresPanel list={summary.failures} timeZone={timeZone} seen={seen} aside={aside} />;
    case "active":
      return <ActivePanel list={summary.active} aside={aside} />;
    case "waiting":
      return (
        <WallPanel id={panel} title={WALL_PANEL_LABELS[panel]} aside={aside}>
          <WallWaiting groups={summary.waiting} />
        </WallPanel>
      );
    case "savings":
      return (
        <WallPanel id={panel} title={WALL_PANEL_LABELS[panel]} aside={aside}>
          <WallSavings savings={summary.savings} />
        </WallPanel>
      );
    case "coverage":
      return (
        <WallPanel id={panel} title={WALL_PANEL_LABELS[panel]} aside={aside}>
          <WallCoverage intervalMs={intervalMs} />
        </WallPanel>
      );
  }
}

const FailuresPanel = memo(function FailuresPanel({
  list,
  timeZone,
  seen,
  aside,
}: {
  list: WallSummary["failures"];
  timeZone: string | undefined;
  seen: SeenFailures;
  aside?: string;
}) {
  return (
    <WallPanel id="failures" title={`${WALL_PANEL_LABELS.failures} (${list.total})`} aside={aside}>
      <WallJobList
        list={list}
        label="Failed jobs, newest first"
        empty="No failures."
        highlight={(job, now) => isNewFailure(seen, job.id, now)}
        row={(job, isNew) => <FailureRow job={job} timeZone={timeZone} isNew={isNew} />}
      />
    </WallPanel>
  );
});

const ActivePanel = memo(function ActivePanel({
  list,
  aside,
}: {
  list: WallSummary["active"];
  aside?: string;
}) {
  return (
    <WallPanel id="active" title={`${WALL_PANEL_LABELS.active} (${list.total})`} aside={aside}>
      <WallJobList
        list={list}
        label="Active jobs"
        empty="Nothing is running."
        row={(job) => <ActiveRow job={job} />}
      />
    </WallPanel>
  );
});

/** One panel at a time, changing every `seconds`; the panel's title says where in the cycle it is. */
export function Rotation({
  panels,
  seconds,
  children,
}: {
  panels: readonly BodyPanel[];
  seconds: number;
  children: (panel: BodyPanel, position: string) => ReactNode;
}) {
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTurn((current) => (current + 1) % panels.length), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds, panels.length]);
  const index = turn % panels.length;
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="rotation" data-panel-shown={panels[index]}>
      {children(panels[index] as BodyPanel, `${index + 1} / ${panels.length}`)}
    </div>
  );
}
