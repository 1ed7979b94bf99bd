"use client";

import { type SortingState, useTable } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, memo, useMemo, useRef } from "react";
import type { Selection } from "@/components/actions/use-selection";
import type { Sort } from "@/lib/jobs/filters";
import type { JobRow } from "@/lib/jobs/job-row";
import { COLUMN_IDS, type ColumnId } from "@/lib/jobs/view-params";
import {
  type CellContext,
  columnForSort,
  JOB_COLUMN_DEFS,
  jobTableFeatures,
  renderCell,
  sortForColumn,
} from "./job-columns";

const ROW_HEIGHT = 40;

/**
 * One job's row. Memo: the virtualizer draws the table again at each scroll step, and a row still in view
 * with the same job, columns and choice is left as it is.
 */
const JobTableRow = memo(function JobTableRow({
  job,
  index,
  columns,
  context,
  selectable,
  selected,
  onToggle,
}: {
  job: JobRow;
  index: number;
  columns: readonly ColumnId[];
  context: CellContext;
  selectable: boolean;
  selected: boolean;
  onToggle: (index: number, range: boolean) => void;
}) {
  return (
    <tr
      data-job-id={job.id}
      data-index={index}
      aria-rowindex={index + 2}
      className="border-b border-[var(--border)] hover:bg-[var(--tone-neutral-bg)]/40"
      style={{ height: ROW_HEIGHT }}
      aria-selected={selectable ? selected : undefined}
    >
      {selectable && (
        <td className="px-2">
          <input
            type="checkbox"
            aria-label={`Choose job ${job.id}`}
            checked={selected}
            onChange={() => undefined}
            onClick={(event) => onToggle(index, event.shiftKey)}
          />
        </td>
      )}
      {columns.map((id) => (
        <td key={id} className="truncate px-2" data-column={id}>
          {renderCell(id, job, context)}
        </td>
      ))}
    </tr>
  );
});

const noToggle = () => undefined;
const NO_ROWS: JobRow[] = [];

/**
 * The job rows, virtualized: only the rows in view (and a few around) are in the DOM, so 10,000 rows scroll
 * like 50. Spacer rows above and below keep the real <table> semantics for screen readers and keyboard use.
 * The URL owns sorting and visible columns; the table reads them as controlled state.
 */
export default function JobsTable({
  jobs,
  sort,
  onSort,
  context,
  visible,
  selection,
}: {
  jobs: readonly JobRow[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  context: CellContext;
  visible: readonly ColumnId[];
  /** Row checkboxes, for those who may act on jobs; absent, the table has none. */
  selection?: Selection;
}) {
  const sorting = useMemo<SortingState>(() => {
    const id = columnForSort(sort.column);
    return id ? [{ id, desc: sort.descending }] : [];
  }, [sort]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, visible.includes(id)])),
    [visible],
  );
  // The table draws the header only (the body is drawn from `jobs` below), so it is given no rows.
  const table = useTable({
    features: jobTableFeatures,
    columns: JOB_COLUMN_DEFS,
    data: NO_ROWS,
    state: { sorting, columnVisibility },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: true,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      const column = first ? sortForColumn(first.id) : null;
      if (first && column) onSort({ column, descending: first.desc });
    },
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  // The visible columns' ids, the same array while they stay the same, so that rows in view stay drawn.
  const columnKey = headers.map((header) => header.column.id).join(",");
  const columns = useMemo(() => columnKey.split(",") as ColumnId[], [columnKey]);
  const columnCount = headers.length + (selection ? 1 : 0);
  // Counted before compared: a choice smaller than the rows cannot hold them all, and a sort or a new
  // answer does not walk 10,000 rows to find that out.
  const allChecked =
    selection !== undefined &&
    jobs.length > 0 &&
    (selection.allMatching ||
      (selection.ids.size >= jobs.length && jobs.every((job) => selection.isSelected(job.id))));

  // Arrow keys move between rows (focus is on each row's job link, so Enter opens the job); rows that are
  // not rendered yet are scrolled into view first.
  // "x" chooses the focused row (shift+x the range to it), as in mail clients.
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (event.target as HTMLElement).closest("tr[data-index]");
    if (!row) return;
    if (selection && (event.key === "x" || event.key === "X")) {
      event.preventDefault();
      selection.toggle(Number(row.getAttribute("data-index")), event.shiftKey);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
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
          {selection && <col style={{ width: "2.5rem" }} />}
          {headers.map((header) => (
            <col key={header.id} style={{ width: header.column.columnDef.meta?.width }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-[var(--surface)]">
          <tr>
            {selection && (
              <th scope="col" className="border-b border-[var(--border)] px-2 py-2">
                <input
                  type="checkbox"
                  aria-label="Choose every job on this page"
                  checked={allChecked}
                  onChange={(event) => selection.setAll(event.target.checked)}
                />
              </th>
            )}
            {headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={sorted === "desc" ? "descending" : sorted === "asc" ? "ascending" : "none"}
                  className="border-b border-[var(--border)] px-2 py-2 text-left font-medium"
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      className="flex items-center gap-1 hover:underline"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      <table.FlexRender header={header} />
                      <span aria-hidden="true">{sorted === "desc" ? "▼" : sorted === "asc" ? "▲" : ""}</span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {before > 0 && (
            <tr>
              <td colSpan={columnCount} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => {
            const job = jobs[item.index];
            if (!job) return null;
            return (
              // Keyed by place, not by job: a new order draws new jobs into the rows already there (their
              // text and attributes change) instead of removing 30 rows and building 30 others, whose
              // style and layout from scratch were most of a sort's frame.
              <JobTableRow
                key={item.index}
                job={job}
                index={item.index}
                columns={columns}
                context={context}
                selectable={selection !== undefined}
                selected={selection?.isSelected(job.id) ?? false}
                onToggle={selection?.toggle ?? noToggle}
              />
            );
          })}
          {after > 0 && (
            <tr>
              <td colSpan={columnCount} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
