"use client";

// The CommCell's own account of a job (GET Events?jobId=), newest first, re-read every few seconds so an
// action's pending and final events appear as they happen.

import { useQuery } from "@tanstack/react-query";
import { fetchApi } from "@/lib/client/fetch-api";
import { formatAbsolute } from "@/lib/jobs/format";
import type { JobEvent } from "@/lib/jobs/job-events";
import { splitPendingReason } from "@/lib/jobs/pending-reason";

const SEVERITY_CLASS = {
  info: "text-[var(--muted)]",
  minor: "text-[var(--tone-warning)]",
  major: "text-[var(--tone-danger)]",
  critical: "text-[var(--tone-danger)] font-semibold",
} as const satisfies Record<JobEvent["severity"], string>;

/**
 * An event's description, written as pending reasons are (parts joined by `<br>`, each with its source
 * and process): read into those parts and shown as text, never as the separators themselves.
 */
export function EventDescription({ text }: { text: string }) {
  const parts = splitPendingReason(text);
  return (
    <span className="space-y-1">
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder; two may read alike
        <span key={index} className="block">
          {part.message}
          {(part.source || part.process) && (
            <span className="ml-2 text-xs text-[var(--muted)]">
              {[part.source && `Source: ${part.source}`, part.process && `Process: ${part.process}`]
                .filter(Boolean)
                .join(" · ")}
            </span>
          )}
        </span>
      ))}
    </span>
  );
}

export function JobEvents({ jobId }: { jobId: number }) {
  const events = useQuery({
    queryKey: ["job-events", jobId],
    queryFn: ({ signal }) => fetchApi<{ events: JobEvent[] }>(`/api/jobs/${jobId}/events`, signal),
    refetchInterval: 5000,
  });
  return (
    <section
      className="space-y-2 rounded-lg border border-[var(--border)] p-4"
      aria-labelledby="events-title"
    >
      <h2 id="events-title" className="font-medium">
        Events
      </h2>
      {events.error && (
        <p role="alert" className="text-sm">
          The CommCell's events could not be read: {events.error.message}
        </p>
      )}
      {events.data && events.data.events.length === 0 && (
        <p className="text-sm text-[var(--muted)]">The CommCell has no events for this job.</p>
      )}
      {events.data && events.data.events.length > 0 && (
        <ol className="space-y-1 text-sm" data-testid="job-events">
          {events.data.events.map((event) => (
            <li key={event.id} className="grid grid-cols-[11rem_4rem_1fr] gap-2">
              <time dateTime={new Date(event.time).toISOString()}>
                {formatAbsolute(event.time, undefined)}
              </time>
              <span className={SEVERITY_CLASS[event.severity]}>{event.severity}</span>
              <EventDescription text={event.description} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
