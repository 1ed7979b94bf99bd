"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useRef } from "react";
import type { Sort } from "@/lib/jobs/filters";
import type { Job } from "@/lib/jobs/job";
import type { ColumnId } from "@/lib/jobs/view-params";
import { type CellContext, JOB_COLUMNS } from "./job-columns";

const ROW_HEIGHT = 40;

/**
 * The job rows, virtualized: only the rows in view (and a few around) are in the DOM, so 10,000 rows scroll
 * like 50. Spacer rows above and below keep the real <table> semantics for screen readers and keyboard use.
 */
export function JobsTable({
  jobs,
  sort,
  onSort,
  context,
  visible,
}: {
  jobs: readonly Job[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  context: CellContext;
  visible: readonly ColumnId[];
}) {
  const columns = JOB_COLUMNS.filter((column) => visible.includes(column.id));
  // Arrow keys move between rows (focus is on each row's job link, so Enter opens the job); rows that are
  // not rendered yet are scrolled into view first.
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const row = (event.target as HTMLElement).closest("tr[data-index]");
    if (!row) return;
    event.preventDefault();
    const next = Number(row.getAttribute("data-index")) + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0 || next >= jobs.length) return;
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => {
      scroller.current?.querySelector<HTMLElement>(`tr[data-index="${next}"] a`)?.focus();
    });
  };
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: jobs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div
      ref={scroller}
      className="max-h-[70vh] overflow-auto rounded-lg border border-[var(--border)]"
      data-testid="jobs-scroller"
    >
      <table className="w-full table-fixed border-collapse text-sm" aria-rowcount={jobs.length + 1}>
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-[var(--surface)]">
          <tr>
            {columns.map((column) => {
              const active = column.sort !== null && sort.column === column.sort;
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
                  className="border-b border-[var(--border)] px-2 py-2 text-left font-medium"
                >
                  {column.sort === null ? (
                    column.label
                  ) : (
                    <button
                      type="button"
                      className="flex items-center gap-1 hover:underline"
                      onClick={() =>
                        onSort({
                          column: column.sort as Sort["column"],
                          descending: active ? !sort.descending : true,
                        })
                      }
                    >
                      {column.label}
                      <span aria-hidden="true">{active ? (sort.descending ? "▼" : "▲") : ""}</span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => {
            const job = jobs[item.index] as Job;
            return (
              <tr
                key={job.id}
                data-job-id={job.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                className="border-b border-[var(--border)] hover:bg-[var(--tone-neutral-bg)]/40"
                style={{ height: ROW_HEIGHT }}
              >
                {columns.map((column) => (
                  <td key={column.id} className="truncate px-2" data-column={column.id}>
                    {column.render(job, context)}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
