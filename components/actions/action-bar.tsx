"use client";

// The explorer's bar for acting on chosen rows, or on every job matching the view: what is chosen, and the
// actions, each opening the shared confirmation with its preview.

import { useMemo, useState } from "react";
import type { ActionResult } from "@/lib/api/job-actions";
import { ACTION_INFO, JOB_ACTIONS, type JobAction } from "@/lib/jobs/actions";
import { ActionDialog } from "./action-dialog";
import type { Selection } from "./use-selection";

export function ActionBar({
  selection,
  total,
  view,
  onChanged,
}: {
  selection: Selection;
  /** Jobs matching the view, all pages. */
  total: number;
  /** The /jobs query string of the view. */
  view: string;
  onChanged: (results: readonly ActionResult[]) => void;
}) {
  const [open, setOpen] = useState<JobAction | null>(null);
  const chosen = selection.allMatching ? total : selection.ids.size;
  const ids = useMemo(() => [...selection.ids], [selection.ids]);
  const scope = useMemo(
    () => (selection.allMatching ? { view, allMatching: true } : { view, jobIds: ids }),
    [selection.allMatching, view, ids],
  );
  if (chosen === 0 && !selection.allMatching) return null;
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-md border border-[var(--border)] bg-[var(--surface)] p-2 text-sm"
      role="toolbar"
      aria-label="Act on chosen jobs"
      data-testid="action-bar"
    >
      <span data-testid="chosen">
        {selection.allMatching ? `All ${total} jobs matching this view` : `${chosen} chosen`}
      </span>
      {!selection.allMatching && total > chosen && (
        <button type="button" className="underline" onClick={selection.selectAllMatching}>
          Choose all {total} jobs matching this view
        </button>
      )}
      <button type="button" className="underline" onClick={selection.clear}>
        Clear
      </button>
      <span className="mx-1 h-4 border-l border-[var(--border)]" aria-hidden="true" />
      {JOB_ACTIONS.map((action) => (
        <button
          key={action}
          type="button"
          className="rounded border border-[var(--border)] px-2 py-0.5 hover:bg-[var(--tone-neutral-bg)]"
          onClick={() => setOpen(action)}
        >
          {ACTION_INFO[action].label}…
        </button>
      ))}
      {open && (
        <ActionDialog
          action={open}
          scope={scope}
          title={selection.allMatching ? `all ${total} jobs matching this view` : `${chosen} chosen jobs`}
          onClose={() => setOpen(null)}
          onChanged={onChanged}
        />
      )}
    </div>
  );
}
