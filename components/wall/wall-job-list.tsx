"use client";

import type { ReactNode } from "react";
import { useClock } from "@/components/hooks/use-now";
import type { WallJobRow, WallList } from "@/lib/jobs/wall-summary";
import { useFitRows } from "./use-fit-rows";

const ROW_VH = 4.2;

/**
 * As many jobs as fit, then "+N more" in the last line: any number of jobs on any screen, never a scrollbar.
 * `more` counts every job behind the list, not just the rows the server sent.
 */
export function WallJobList({
  list,
  empty,
  label,
  row,
  highlight,
}: {
  list: WallList;
  empty: string;
  label: string;
  /** One line's cells; `isNew` says whether the line is highlighted as a new failure. */
  row: (job: WallJobRow, isNew: boolean) => ReactNode;
  /** Whether a line is highlighted at `now`: asked each second, and the line drawn again when it changes. */
  highlight?: (job: WallJobRow, now: number) => boolean;
}) {
  const { ref, rows, rowPx } = useFitRows(ROW_VH);
  const fits = list.total > rows ? Math.max(0, rows - 1) : rows;
  const shown = list.rows.slice(0, fits);
  const more = list.total - shown.length;
  return (
    <div ref={ref} className="min-h-0 flex-1 overflow-hidden">
      {list.total === 0 ? (
        <p className="text-[2.4vh] text-[var(--muted)]">{empty}</p>
      ) : (
        <ul aria-label={label}>
          {shown.map((job) => (
            <WallLine key={job.id} job={job} heightPx={rowPx} highlight={highlight} row={row} />
          ))}
          {more > 0 && rowPx > 0 && (
            <li
              style={{ height: rowPx }}
              className="flex items-center text-[2.2vh] font-semibold"
              data-testid="more"
            >
              +{more} more
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

function WallLine({
  job,
  heightPx,
  highlight,
  row,
}: {
  job: WallJobRow;
  heightPx: number;
  highlight?: (job: WallJobRow, now: number) => boolean;
  row: (job: WallJobRow, isNew: boolean) => ReactNode;
}) {
  const isNew = useClock((now) => highlight?.(job, now) ?? false) ?? false;
  return (
    <li
      data-job-id={job.id}
      data-new={isNew || undefined}
      style={{ height: heightPx }}
      className={`flex items-center gap-[1vw] border-b border-[var(--border)] text-[2.1vh] ${
        isNew ? "bg-[var(--tone-danger-bg)] outline outline-[0.3vh] outline-[var(--tone-danger)]" : ""
      }`}
    >
      {row(job, isNew)}
    </li>
  );
}
