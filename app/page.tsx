import { StatusBadge } from "@/components/jobs/status-badge";
import { STATUS_INFO, STATUS_KINDS } from "@/lib/jobs/statuses";

// Until the CommCell simulator and the server routes exist there is no job data to show; this page says so
// plainly instead of rendering an empty dashboard that would read as "no jobs".
export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl space-y-8 p-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">CommCell Job Monitor</h1>
        <p role="status" className="rounded-md border border-[var(--border)] bg-[var(--surface)] p-3 text-sm">
          Not connected: this build has no CommCell connection and no simulator yet, so it shows no jobs. The
          job-list parser is ready: <code>npm run -s parse -- response.xml</code> prints what the dashboard
          makes of a response your CommCell sent.
        </p>
      </header>
      <section aria-labelledby="legend" className="space-y-3">
        <h2 id="legend" className="text-lg font-medium">
          Job statuses
        </h2>
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {STATUS_KINDS.map((kind) => (
            <li key={kind} data-status-kind={kind} className="flex items-center justify-between gap-3">
              <StatusBadge kind={kind} />
              <span className="text-xs text-[var(--muted)]">
                {STATUS_INFO[kind].active ? "active" : kind === "unknown" ? "not recognised" : "finished"}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
