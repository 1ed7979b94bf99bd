import Link from "next/link";
import type { ReactNode } from "react";
import type { SortColumn } from "@/lib/jobs/filters";
import { formatAbsolute, formatBytes, formatDuration, formatRelative } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/job";
import { stoppedSeconds } from "@/lib/jobs/metrics";
import type { ColumnId } from "@/lib/jobs/view-params";
import { PendingReasonSummary } from "./pending-reason";
import { StatusBadge } from "./status-badge";

export interface CellContext {
  readonly now: number;
  readonly timeZone: string | undefined;
}

export interface JobColumn {
  readonly id: ColumnId;
  readonly label: string;
  /** The sort parameter this column sorts by, if any. */
  readonly sort: SortColumn | null;
  readonly width: string;
  readonly render: (job: Job, context: CellContext) => ReactNode;
}

function Progress({ job }: { job: Job }) {
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
      {formatRelative(time, context.now)}
    </time>
  );
}

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" / ") || "–";

/** The explorer's columns: one definition each, with the sort parameter its header sets. */
export const JOB_COLUMNS: readonly JobColumn[] = [
  {
    id: "id",
    label: "Job",
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
    label: "Status",
    sort: "status",
    width: "13rem",
    render: (job) => <StatusBadge kind={job.statusKind} text={job.status} statusColor={job.statusColor} />,
  },
  {
    id: "type",
    label: "Type / level",
    sort: "type",
    width: "10rem",
    render: (job) => join(job.type, job.backupLevel?.name),
  },
  { id: "client", label: "Client", sort: "client", width: "10rem", render: (job) => job.client?.name ?? "–" },
  {
    id: "agent",
    label: "Agent / backup set / subclient",
    sort: "agent",
    width: "16rem",
    render: (job) => join(job.appType?.name, job.backupSet?.name, job.subclient?.name),
  },
  { id: "phase", label: "Phase", sort: "phase", width: "8rem", render: (job) => job.phase ?? "–" },
  {
    id: "progress",
    label: "Progress",
    sort: "progress",
    width: "9rem",
    render: (job) => <Progress job={job} />,
  },
  {
    id: "start",
    label: "Start",
    sort: "start",
    width: "7rem",
    render: (job, context) => <Time time={job.startTime} context={context} />,
  },
  {
    id: "elapsed",
    label: "Elapsed",
    sort: "elapsed",
    width: "6rem",
    render: (job) => formatDuration(job.elapsedSeconds),
  },
  {
    id: "appSize",
    label: "App size",
    sort: "appSize",
    width: "6rem",
    render: (job) => formatBytes(job.sizeOfApplication),
  },
  {
    id: "mediaSize",
    label: "Media",
    sort: "mediaSize",
    width: "6rem",
    render: (job) => formatBytes(job.sizeOfMediaOnDisk),
  },
  {
    id: "savings",
    label: "Savings",
    sort: "savings",
    width: "5rem",
    render: (job) => (job.percentSavings === null ? "–" : `${job.percentSavings.toFixed(1)} %`),
  },
  {
    id: "files",
    label: "Files (failed)",
    sort: "failedFiles",
    width: "7rem",
    render: (job) => `${job.files.total ?? "–"}${job.files.failed ? ` (${job.files.failed})` : ""}`,
  },
  {
    id: "reason",
    label: "Pending reason",
    sort: null,
    width: "20rem",
    render: (job, context) => {
      const stopped = stoppedSeconds(job, context.now);
      return (
        <PendingReasonSummary
          reason={job.pendingReason}
          stoppedFor={stopped === null ? null : formatDuration(stopped)}
        />
      );
    },
  },
];
