import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { useNow } from "@/components/hooks/use-now";
import { TimeAgo } from "@/components/ui/time-ago";
import type { SortColumn } from "@/lib/jobs/filters";
import { formatAbsolute, formatBytes, formatDuration } from "@/lib/jobs/format";
import type { JobRow } from "@/lib/jobs/job-row";
import { stoppedSeconds } from "@/lib/jobs/metrics";
import { COLUMN_LABELS, type ColumnId } from "@/lib/jobs/view-params";
import { PendingReasonSummary } from "./pending-reason";
import { StatusBadge } from "./status-badge";

/**
 * What cells need beyond their job. Not the time: the cells that show one read the page's clock
 * themselves, so that a tick draws them and not the table.
 */
export interface CellContext {
  readonly timeZone: string | undefined;
}

interface JobColumn {
  readonly id: ColumnId;
  /** The sort parameter this column sorts by, if any. */
  readonly sort: SortColumn | null;
  readonly width: string;
  readonly render: (job: JobRow, context: CellContext) => ReactNode;
}

export interface JobColumnMeta {
  readonly sort: SortColumn | null;
  readonly width: string;
}

function Progress({ job }: { job: JobRow }) {
  if (!job.active || job.percentComplete === null)
    return <span>{job.percentComplete === null ? "–" : `${job.percentComplete} %`}</span>;
  return (
    <span className="flex items-center gap-2">
      <progress
        className="h-2 w-16"
        max={100}
        value={job.percentComplete}
        aria-label={`${job.percentComplete} percent`}
      />
      <span className="tabular-nums">{job.percentComplete} %</span>
    </span>
  );
}

function Time({ time, context }: { time: number | null; context: CellContext }) {
  if (time === null) return <span>–</span>;
  return (
    <time dateTime={new Date(time).toISOString()} title={formatAbsolute(time, context.timeZone)}>
      <TimeAgo time={time} />
    </time>
  );
}

/** The pending reason, with how long the job has been stopped by the page's clock. */
function ReasonCell({ job }: { job: JobRow }) {
  const stopped = stoppedSeconds(job, useNow() ?? Date.now());
  return (
    <PendingReasonSummary
      reason={job.pendingReason}
      stoppedFor={stopped === null ? null : formatDuration(stopped)}
    />
  );
}

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" / ") || "–";

/** The explorer's columns: one definition each, with the sort parameter its header sets. */
const COLUMNS: readonly JobColumn[] = [
  {
    id: "id",
    sort: "id",
    width: "6rem",
    render: (job) => (
      <Link href={`/jobs/${job.id}`} className="font-mono underline-offset-2 hover:underline">
        {job.id}
      </Link>
    ),
  },
  {
    id: "status",
    sort: "status",
    width: "12rem",
    render: (job) => <StatusBadge kind={job.statusKind} text={job.status} statusColor={job.statusColor} />,
  },
  {
    id: "type",
    sort: "type",
    width: "9rem",
    render: (job) => join(job.type, job.backupLevel?.name),
  },
  { id: "client", sort: "client", width: "9rem", render: (job) => job.client?.name ?? "–" },
  {
    id: "agent",
    sort: "agent",
    width: "14rem",
    render: (job) => join(job.appType?.name, job.backupSet?.name, job.subclient?.name),
  },
  { id: "phase", sort: "phase", width: "8rem", render: (job) => job.phase ?? "–" },
  {
    id: "progress",
    sort: "progress",
    width: "9rem",
    render: (job) => <Progress job={job} />,
  },
  {
    id: "start",
    sort: "start",
    width: "7rem",
    render: (job, context) => <Time time={job.startTime} context={context} />,
  },
  {
    id: "elapsed",
    sort: "elapsed",
    width: "6rem",
    render: (job) => formatDuration(job.elapsedSeconds),
  },
  {
    id: "appSize",
    sort: "appSize",
    width: "6rem",
    render: (job) => formatBytes(job.sizeOfApplication),
  },
  {
    id: "mediaSize",
    sort: "mediaSize",
    width: "6rem",
    render: (job) => formatBytes(job.sizeOfMediaOnDisk),
  },
  {
    id: "savings",
    sort: "savings",
    width: "5rem",
    render: (job) => (job.percentSavings === null ? "–" : `${job.percentSavings.toFixed(1)} %`),
  },
  {
    id: "files",
    sort: "failedFiles",
    width: "7rem",
    render: (job) => `${job.files.total ?? "–"}${job.files.failed ? ` (${job.files.failed})` : ""}`,
  },
  {
    id: "reason",
    sort: null,
    width: "15rem",
    render: (job) => <ReasonCell job={job} />,
  },
];

/**
 * TanStack Table owns the header: which columns show and the sort state (both controlled from the URL).
 * Sorting itself is manual (done where the rows are held, in the browser or on the server), and the body
 * is drawn from the jobs directly through `renderCell`: a row model would build a `Row` object for each of
 * 10,000 jobs at each new order, which profiled as most of a sort click's script.
 */
export const jobTableFeatures = tableFeatures({
  columnVisibilityFeature,
  rowSortingFeature,
  columnMeta: {} as JobColumnMeta,
});

const helper = createColumnHelper<typeof jobTableFeatures, JobRow>();

export const JOB_COLUMN_DEFS = helper.columns(
  COLUMNS.map((column) =>
    // Accessor columns, because only those can sort; the value is never compared here.
    helper.accessor((job) => job.id, {
      id: column.id,
      header: COLUMN_LABELS[column.id],
      enableSorting: column.sort !== null,
      meta: { sort: column.sort, width: column.width },
    }),
  ),
);

const RENDERERS = new Map(COLUMNS.map((column) => [column.id, column.render]));

/** What the cell of column `id` shows for `job`. */
export function renderCell(id: ColumnId, job: JobRow, context: CellContext): ReactNode {
  return RENDERERS.get(id)?.(job, context) ?? null;
}

/** The column that sorts by a sort parameter, if one does ("level" has none of its own). */
export function columnForSort(sort: SortColumn): ColumnId | undefined {
  return COLUMNS.find((column) => column.sort === sort)?.id;
}

/** The sort parameter a column's header sets. */
export function sortForColumn(id: string): SortColumn | null {
  return COLUMNS.find((column) => column.id === id)?.sort ?? null;
}
