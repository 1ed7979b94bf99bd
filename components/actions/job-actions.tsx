"use client";

// The job page's actions: those that fit the job's state, each behind the shared confirmation. What the
// page shows is re-read as the job moves on; a resubmission opens the new job.

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ACTION_INFO, actionsFor, type JobAction } from "@/lib/jobs/actions";
import type { StatusKind } from "@/lib/jobs/statuses";
import { ActionDialog } from "./action-dialog";

export function JobActions({ jobId, statusKind }: { jobId: number; statusKind: StatusKind }) {
  const router = useRouter();
  const [open, setOpen] = useState<JobAction | null>(null);
  const scope = useMemo(() => ({ jobIds: [jobId] }), [jobId]);
  const actions = actionsFor({ statusKind });
  // An open confirmation stays while the job passes through states with no action (Suspend Pending).
  if (actions.length === 0 && open === null) return null;
  return (
    <fieldset className="flex flex-wrap gap-2" aria-label="Job actions">
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className="rounded border border-[var(--border)] px-3 py-1 text-sm hover:bg-[var(--tone-neutral-bg)]"
          onClick={() => setOpen(action)}
        >
          {ACTION_INFO[action].label}
        </button>
      ))}
      {open && (
        <ActionDialog
          action={open}
          scope={scope}
          title={`job ${jobId}`}
          onClose={() => setOpen(null)}
          onChanged={(results) => {
            const fresh = results.find((result) => result.newJobId)?.newJobId;
            if (fresh) router.push(`/jobs/${fresh}`);
            else router.refresh();
          }}
        />
      )}
    </fieldset>
  );
}
