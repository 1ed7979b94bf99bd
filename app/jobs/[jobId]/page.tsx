import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { JobActions } from "@/components/actions/job-actions";
import { JobEvents } from "@/components/jobs/job-events";
import { PendingReasonFull } from "@/components/jobs/pending-reason";
import { StatusBadge } from "@/components/jobs/status-badge";
import { PageFrame } from "@/components/shell/page-frame";
import { ApiError } from "@/lib/api/api-error";
import { jobDetail, parseJobId } from "@/lib/api/job-detail";
import { pageViewer } from "@/lib/api/page-viewer";
import { getRuntime } from "@/lib/api/runtime";
import { isCommCellError } from "@/lib/commcell/errors";
import { DEFAULT_FILTERS, serializeFilters } from "@/lib/jobs/filters";
import { formatAbsolute, formatBytes, formatDuration } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/job";
import { stoppedSeconds } from "@/lib/jobs/metrics";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ jobId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Job ${(await params).jobId}` };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-[var(--muted)]">{label}</dt>
      <dd>{children ?? "–"}</dd>
    </>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2 rounded-lg border border-[var(--border)] p-4">
      <h2 className="font-medium">{title}</h2>
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">{children}</dl>
    </section>
  );
}

/** A /jobs URL listing jobs like this one: the same client, or the same subclient. */
function jobsLink(job: Job, subclient: boolean): string {
  const params = serializeFilters({
    ...DEFAULT_FILTERS,
    type: "all",
    window: 2_592_000,
    client: job.client?.name ?? null,
  });
  if (subclient && job.subclient?.name) params.set("q", job.subclient.name);
  return `/jobs?${params.toString()}`;
}

export default async function JobPage({ params }: Props) {
  const { jobId } = await params;
  const viewer = await pageViewer(`/jobs/${jobId}`);
  let detail: Awaited<ReturnType<typeof jobDetail>>;
  try {
    detail = await jobDetail(viewer, parseJobId(jobId));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) notFound();
    if (isCommCellError(error)) {
      return (
        <PageFrame current="jobs" viewer={viewer}>
          <p
            role="alert"
            className="rounded-md border border-[var(--tone-danger)] bg-[var(--tone-danger-bg)] p-3 text-sm"
          >
            Job {jobId} could not be read: {error.message}
          </p>
        </PageFrame>
      );
    }
    throw error;
  }
  const { job, details } = detail;
  const mayAct = viewer.kind === "user" && getRuntime().server.actionsEnabled;
  const stopped = stoppedSeconds(job, Date.now());
  const delay = details?.progressInfo.reasonForJobDelay ?? null;
  return (
    <PageFrame current="jobs" viewer={viewer}>
      <header className="space-y-1">
        <p className="text-sm">
          <Link href="/jobs" className="underline">
            Jobs
          </Link>
        </p>
        <h1 className="flex items-center gap-3 text-xl font-semibold">
          Job {job.id} <StatusBadge kind={job.statusKind} text={job.status} />
        </h1>
        {/* Only a person with their own CommCell account acts; screens and anonymous viewers see no controls. */}
        {mayAct && <JobActions jobId={job.id} statusKind={job.statusKind} />}
      </header>
      <div className="grid gap-4 md:grid-cols-2">
        <Group title="What">
          <Field label="Type">{job.type}</Field>
          <Field label="Operation">{job.operation}</Field>
          <Field label="Level">{job.backupLevel?.name}</Field>
          <Field label="Phase">{job.phase}</Field>
          <Field label="Progress">{job.percentComplete === null ? null : `${job.percentComplete} %`}</Field>
          <Field label="Started by">{job.user?.name ?? details?.generalInfo.jobStartedBy}</Field>
          <Field label="Started from">{details?.generalInfo.jobStartedFrom}</Field>
        </Group>
        <Group title="Where">
          <Field label="Client">
            {job.client?.name && (
              <Link className="underline" href={jobsLink(job, false)}>
                {job.client.name}
              </Link>
            )}
          </Field>
          <Field label="Agent">{job.appType?.name}</Field>
          <Field label="Instance">{job.instance?.name}</Field>
          <Field label="Backup set">{job.backupSet?.name}</Field>
          <Field label="Subclient">
            {job.subclient?.name && (
              <Link className="underline" href={jobsLink(job, true)}>
                {job.subclient.name}
              </Link>
            )}
          </Field>
          <Field label="Client groups">{job.clientGroups.map((g) => g.name).join(", ") || null}</Field>
          <Field label="Storage policy">{job.storagePolicy}</Field>
        </Group>
        <Group title="When (UTC)">
          <Field label="Start">{job.startTime === null ? null : formatAbsolute(job.startTime, "UTC")}</Field>
          <Field label="End">{job.endTime === null ? null : formatAbsolute(job.endTime, "UTC")}</Field>
          <Field label="Last update">
            {job.lastUpdateTime === null ? null : formatAbsolute(job.lastUpdateTime, "UTC")}
          </Field>
          <Field label="Elapsed">{formatDuration(job.elapsedSeconds)}</Field>
        </Group>
        <Group title="How much">
          <Field label="Application size">{formatBytes(job.sizeOfApplication)}</Field>
          <Field label="Media on disk">{formatBytes(job.sizeOfMediaOnDisk)}</Field>
          <Field label="Savings">
            {job.percentSavings === null ? null : `${job.percentSavings.toFixed(2)} %`}
          </Field>
          <Field label="Files">{job.files.total}</Field>
          <Field label="Failed files / folders">{`${job.files.failed ?? "–"} / ${job.files.failedFolders ?? "–"}`}</Field>
        </Group>
      </div>
      <section className="space-y-2 rounded-lg border border-[var(--border)] p-4">
        <h2 className="font-medium">Why</h2>
        {stopped !== null && job.lastUpdateTime !== null && (
          <p className="text-sm" data-testid="stopped-for">
            {job.status} for about {formatDuration(stopped)}: the CommCell last reported on this job at{" "}
            {formatAbsolute(job.lastUpdateTime, "UTC")}.
          </p>
        )}
        {job.pendingReason ? (
          <PendingReasonFull reason={job.pendingReason} />
        ) : (
          <p className="text-sm text-[var(--muted)]">No reason given.</p>
        )}
        {delay && delay !== job.pendingReason?.text && (
          <p className="text-sm">Delay reason (JobDetails): {delay}</p>
        )}
        {job.submitErrorCode ? <p className="text-sm">Submit error code {job.submitErrorCode}</p> : null}
      </section>
      <JobEvents jobId={job.id} />
    </PageFrame>
  );
}
