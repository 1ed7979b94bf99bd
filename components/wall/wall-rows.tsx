import { StatusBadge } from "@/components/jobs/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { formatAbsolute, formatDuration } from "@/lib/jobs/format";
import type { WallJobRow } from "@/lib/jobs/wall-summary";

// One line per job: what (client / subclient), its status, and the single most useful fact for its kind.

const where = (job: WallJobRow) =>
  [job.client ?? `job ${job.id}`, job.subclient].filter((part) => part !== null).join(" / ");

export function FailureRow({
  job,
  timeZone,
  isNew,
}: {
  job: WallJobRow;
  timeZone: string | undefined;
  isNew: boolean;
}) {
  const when = job.endTime ?? job.startTime;
  return (
    <>
      <span className="w-[22%] shrink-0">
        <StatusBadge kind={job.statusKind} text={job.status} statusColor={job.statusColor} size="inherit" />
      </span>
      <span className="w-[26%] shrink-0 truncate font-medium">
        {isNew && <span className="mr-[0.4em] font-bold text-[var(--tone-danger)]">NEW</span>}
        {where(job)}
      </span>
      <span className="w-[12%] shrink-0 truncate text-[var(--muted)]">{job.type ?? "–"}</span>
      <time
        className="w-[12%] shrink-0 truncate tabular-nums"
        dateTime={when === null ? undefined : new Date(when).toISOString()}
        title={formatAbsolute(when, timeZone)}
      >
        {when === null ? "–" : <TimeAgo time={when} />}
      </time>
      <span className="min-w-0 flex-1 truncate text-[var(--muted)]">{job.reason ?? ""}</span>
    </>
  );
}

export function ActiveRow({ job }: { job: WallJobRow }) {
  const running = job.statusKind === "running";
  return (
    <>
      <span className="w-[20%] shrink-0">
        <StatusBadge kind={job.statusKind} text={job.status} statusColor={job.statusColor} size="inherit" />
      </span>
      <span className="w-[28%] shrink-0 truncate font-medium">{where(job)}</span>
      <span className="w-[12%] shrink-0 truncate text-[var(--muted)]">{job.type ?? "–"}</span>
      {running ? (
        <span className="flex min-w-0 flex-1 items-center gap-[0.6vw]">
          <span className="min-w-0 flex-1">
            <progress
              className="block h-[1.4vh] w-full"
              max={100}
              value={job.percentComplete ?? 0}
              aria-label={`${job.percentComplete ?? 0} percent`}
            />
          </span>
          <span className="w-[4.5em] shrink-0 text-right tabular-nums">{job.percentComplete ?? 0} %</span>
          <span className="w-[6em] shrink-0 text-right tabular-nums">
            {formatDuration(job.elapsedSeconds)}
          </span>
        </span>
      ) : (
        <span className="min-w-0 flex-1 truncate text-[var(--muted)]">
          {job.stoppedSeconds !== null && (
            <span className="mr-[0.5em] tabular-nums text-[var(--foreground)]">
              {formatDuration(job.stoppedSeconds)}
            </span>
          )}
          {job.reason ?? ""}
        </span>
      )}
    </>
  );
}
