"use client";

// The one confirmation for every job action, on the job page and in the explorer: what the action will do
// (how many jobs, which not and why, the list it will touch), an optional reason, the typed count where it
// is asked for, then each job's outcome, followed until it has settled.

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { ActionResult, PreviewAnswer } from "@/lib/api/job-actions";
import { type ActionScope, act, newIdempotencyKey, previewAction } from "@/lib/client/job-actions-api";
import { ACTION_INFO, type JobAction, MAX_JOBS_PER_ACTION, needsTypedCount } from "@/lib/jobs/actions";
import { useFollowedJobs } from "./use-followed-jobs";

const SHOWN = 200;

const plural = (count: number) => `${count} job${count === 1 ? "" : "s"}`;

const OUTCOME_WORDS = {
  accepted: "accepted",
  refused: "refused",
  not_applicable: "not applicable",
  not_sent: "not sent",
} as const satisfies Record<ActionResult["outcome"], string>;

export function ActionDialog({
  action,
  scope,
  title,
  onClose,
  onChanged,
}: {
  action: JobAction;
  scope: ActionScope;
  /** What the jobs are, for the heading: "job 1234", "3 selected jobs", "all jobs matching this view". */
  title: string;
  onClose: () => void;
  /** Jobs changed on the CommCell (an action was accepted, or a followed job moved on). */
  onChanged: (results: readonly ActionResult[]) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<PreviewAnswer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  const [sending, setSending] = useState(false);
  const [results, setResults] = useState<readonly ActionResult[] | null>(null);
  const [auditError, setAuditError] = useState<string | null>(null);
  // One key per preview confirmed: a double click, or a retry of a lost answer, acts once.
  const [key, setKey] = useState(newIdempotencyKey);
  const info = ACTION_INFO[action];

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    let live = true;
    previewAction(action, scope).then(
      (answer) => live && setPreview(answer),
      (error: Error) => live && setFailure(error.message),
    );
    return () => {
      live = false;
    };
  }, [action, scope]);

  const accepted = (results ?? []).filter((result) => result.outcome === "accepted").map((r) => r.jobId);
  const followed = useFollowedJobs(action, accepted, scope.view, () => onChanged(results ?? []));

  const count = preview?.count ?? 0;
  const typedNeeded = needsTypedCount(action, count);
  const tooMany = count > MAX_JOBS_PER_ACTION;
  const ready = preview !== null && count > 0 && !tooMany && (!typedNeeded || typed.trim() === String(count));

  async function confirm() {
    if (!preview || !ready || sending) return;
    setSending(true);
    setFailure(null);
    try {
      const outcome = await act(action, scope, {
        jobIds: preview.applicable.map((job) => job.id),
        reason,
        idempotencyKey: key,
      });
      if (outcome.kind === "changed") {
        setPreview(outcome.preview);
        setNotice(outcome.message);
        setTyped("");
        setKey(newIdempotencyKey());
      } else {
        setResults(outcome.results);
        setAuditError(outcome.auditError ?? null);
        onChanged(outcome.results);
      }
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="action-title"
      className="m-auto w-[min(44rem,95vw)] rounded-lg border border-[var(--border)] bg-[var(--surface)] p-0 text-[var(--text)] backdrop:bg-black/40"
      data-testid="action-dialog"
    >
      <div className="space-y-3 p-4">
        <h2 id="action-title" className="text-lg font-semibold">
          {info.label}: {title}
        </h2>
        {failure && (
          <p
            role="alert"
            className="rounded-md border border-[var(--tone-danger)] bg-[var(--tone-danger-bg)] p-2 text-sm"
          >
            {failure}
          </p>
        )}
        {!preview && !failure && <p className="text-[var(--muted)]">Checking which jobs this applies to…</p>}
        {preview && !results && (
          <>
            {notice && (
              <p
                role="alert"
                className="rounded-md border border-[var(--tone-warning)] bg-[var(--tone-warning-bg)] p-2 text-sm"
              >
                {notice}
              </p>
            )}
            <p data-testid="action-summary">
              This will {info.verb} <strong>{plural(count)}</strong>
              {preview.notApplicable.length + preview.unknown.length > 0 &&
                `; ${plural(preview.notApplicable.length + preview.unknown.length)} it does not apply to`}
              .
            </p>
            {tooMany && (
              <p role="alert" className="text-sm text-[var(--tone-danger)]">
                At most {MAX_JOBS_PER_ACTION} jobs can be acted on at once: narrow the view first.
              </p>
            )}
            {count > 0 && (
              <details open={count <= 20}>
                <summary className="cursor-pointer text-sm">Jobs it will touch</summary>
                <ul className="max-h-48 overflow-auto text-sm" data-testid="action-jobs">
                  {preview.applicable.slice(0, SHOWN).map((job) => (
                    <li key={job.id}>
                      {job.id} · {job.client ?? "–"} {job.subclient ? `/ ${job.subclient}` : ""} ·{" "}
                      {job.status}
                    </li>
                  ))}
                  {count > SHOWN && <li>and {count - SHOWN} more</li>}
                </ul>
              </details>
            )}
            {preview.notApplicable.length + preview.unknown.length > 0 && (
              <details>
                <summary className="cursor-pointer text-sm">Not applicable, and why</summary>
                <ul className="max-h-40 overflow-auto text-sm" data-testid="action-skipped">
                  {preview.notApplicable.slice(0, SHOWN).map((job) => (
                    <li key={job.id}>
                      {job.id}: {job.why}
                    </li>
                  ))}
                  {preview.unknown.slice(0, SHOWN).map((id) => (
                    <li key={id}>{id}: not found, or not visible to you</li>
                  ))}
                </ul>
              </details>
            )}
            <label className="block text-sm">
              Reason (optional, kept in the audit log{action === "suspend" ? " and sent to the CommCell" : ""}
              )
              <input
                value={reason}
                maxLength={500}
                onChange={(event) => setReason(event.target.value)}
                className="mt-1 w-full rounded border border-[var(--border)] bg-transparent px-2 py-1"
              />
            </label>
            {typedNeeded && count > 0 && !tooMany && (
              <label className="block text-sm">
                Type <strong>{count}</strong> to confirm
                <input
                  value={typed}
                  inputMode="numeric"
                  aria-label={`Type ${count} to confirm`}
                  onChange={(event) => setTyped(event.target.value)}
                  className="mt-1 w-32 rounded border border-[var(--border)] bg-transparent px-2 py-1"
                />
              </label>
            )}
          </>
        )}
        {results && <ActionResults action={action} results={results} followed={followed} />}
        {auditError && (
          <p role="alert" className="text-sm text-[var(--tone-danger)]">
            The action was sent, but its audit line could not be written: {auditError}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            className="rounded border border-[var(--border)] px-3 py-1"
            onClick={() => dialog.current?.close()}
          >
            {results ? "Close" : "Cancel"}
          </button>
          {!results && (
            <button
              type="button"
              className="rounded bg-[var(--tone-danger)] px-3 py-1 text-[var(--surface)] disabled:opacity-50"
              disabled={!ready || sending}
              onClick={() => void confirm()}
            >
              {sending ? "Sending…" : `${info.label} ${plural(count)}`}
            </button>
          )}
        </div>
      </div>
    </dialog>
  );
}

function ActionResults({
  action,
  results,
  followed,
}: {
  action: JobAction;
  results: readonly ActionResult[];
  followed: ReadonlyMap<number, { status: string | null; settled: boolean }>;
}) {
  const counts = { accepted: 0, refused: 0, not_applicable: 0, not_sent: 0 };
  for (const result of results) counts[result.outcome]++;
  return (
    <div className="space-y-2">
      <p role="status" data-testid="action-outcome">
        {counts.accepted} accepted, {counts.refused} refused, {counts.not_applicable} not applicable
        {counts.not_sent > 0 ? `, ${counts.not_sent} not sent (the CommCell refused your sign-in)` : ""}.
      </p>
      <ul className="max-h-64 overflow-auto text-sm" data-testid="action-results">
        {results.slice(0, SHOWN).map((result) => {
          const now = followed.get(result.jobId);
          return (
            <li key={result.jobId} data-job-id={result.jobId} data-outcome={result.outcome}>
              <Link className="underline" href={`/jobs/${result.jobId}`}>
                {result.jobId}
              </Link>{" "}
              {OUTCOME_WORDS[result.outcome]}: {result.message}
              {result.newJobId && (
                <>
                  {" "}
                  <Link className="underline" href={`/jobs/${result.newJobId}`} data-testid="new-job-link">
                    open job {result.newJobId}
                  </Link>
                </>
              )}
              {now && ACTION_INFO[action].final !== null && (
                <span data-testid="followed-status" data-settled={now.settled}>
                  {" "}
                  · now {now.status ?? "unknown"}
                  {now.settled ? "" : "…"}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
