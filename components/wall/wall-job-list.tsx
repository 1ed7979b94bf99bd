"use client";

import type { ReactNode } from "react";
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
  highlight?: (job: WallJobRow) => boolean;
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
          {shown.map((job) => {
            const isNew = highlight?.(job) ?? false;
            return (
              <li
                key={job.id}
                data-job-id={job.id}
                data-new={isNew || undefined}
                style={{ height: rowPx }}
                className={`flex items-center gap-[1vw] border-b border-[var(--border)] text-[2.1vh] ${
                  isNew
                    ? "bg-[var(--tone-danger-bg)] outline outline-[0.3vh] outline-[var(--tone-danger)]"
                    : ""
                }`}
              >
                {row(job, isNew)}
              </li>
            );
          })}
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
