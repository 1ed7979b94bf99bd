import { StatusBadge } from "@/components/jobs/status-badge";
import { StatusTiles } from "@/components/overview/status-tiles";
import { isCommCellError } from "@/lib/commcell/errors";
import { fetchJobs } from "@/lib/commcell/job-fetch";
import { getUpstream } from "@/lib/commcell/upstream";
import { countByStatus } from "@/lib/jobs/metrics";
import { STATUS_INFO, STATUS_KINDS } from "@/lib/jobs/statuses";

// Live data on every request; the cached /api/jobs and the full overview come with the next issues.
export const dynamic = "force-dynamic";

const ACTIVE_KINDS = STATUS_KINDS.filter((kind) => STATUS_INFO[kind].active);
const FINISHED_KINDS = STATUS_KINDS.filter((kind) => !STATUS_INFO[kind].active && kind !== "unknown");
const DAY = 86_400;

async function loadCounts() {
  const upstream = getUpstream();
  if (!upstream.service) return { upstream, result: null } as const;
  const paging = { pageSize: upstream.config.pageSize, concurrency: upstream.config.pageConcurrency };
  try {
    const [active, finished] = await Promise.all([
      fetchJobs(
        upstream.service,
        { category: "active", jobFilter: "", clientId: null, lookupSeconds: DAY },
        paging,
      ),
      fetchJobs(
        upstream.service,
        { category: "finished", jobFilter: "", clientId: null, lookupSeconds: DAY },
        paging,
      ),
    ]);
    return {
      upstream,
      result: { active: countByStatus(active.jobs), finished: countByStatus(finished.jobs), at: new Date() },
    } as const;
  } catch (error) {
    if (!isCommCellError(error)) throw error;
    return { upstream, result: { error: error.message } } as const;
  }
}

export default async function HomePage() {
  const { upstream, result } = await loadCounts();
  return (
    <main className="mx-auto max-w-4xl space-y-8 p-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">CommCell Job Monitor</h1>
        <p className="text-sm text-[var(--muted)]" data-testid="upstream">
          {upstream.demo ? "Demo CommCell (simulated)" : `CommCell ${new URL(upstream.root).host}`}
        </p>
      </header>

      {result === null ? (
        <p role="status" className="rounded-md border border-[var(--border)] bg-[var(--surface)] p-3 text-sm">
          No service account is configured: sign-in with CommCell credentials arrives with the server issue.
        </p>
      ) : "error" in result ? (
        <p
          role="alert"
          className="rounded-md border border-[var(--tone-danger)] bg-[var(--tone-danger-bg)] p-3 text-sm"
        >
          The CommCell could not be read: {result.error}
        </p>
      ) : (
        <>
          <section aria-labelledby="active" className="space-y-3">
            <h2 id="active" className="text-lg font-medium">
              Active now
            </h2>
            <StatusTiles label="Active jobs by status" kinds={ACTIVE_KINDS} counts={result.active} />
          </section>
          <section aria-labelledby="finished" className="space-y-3">
            <h2 id="finished" className="text-lg font-medium">
              Finished in the last 24 hours
            </h2>
            <StatusTiles label="Finished jobs by status" kinds={FINISHED_KINDS} counts={result.finished} />
          </section>
          <p className="text-xs text-[var(--muted)]">
            As of{" "}
            <time dateTime={result.at.toISOString()}>
              {result.at.toISOString().replace("T", " ").slice(0, 19)} UTC
            </time>
            .
          </p>
        </>
      )}

      <details className="text-sm">
        <summary className="cursor-pointer">Status legend</summary>
        <ul className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2" aria-label="Status legend">
          {STATUS_KINDS.map((kind) => (
            <li key={kind} data-legend-kind={kind} className="flex items-center justify-between gap-3">
              <StatusBadge kind={kind} />
              <span className="text-xs text-[var(--muted)]">
                {STATUS_INFO[kind].active ? "active" : kind === "unknown" ? "not recognised" : "finished"}
              </span>
            </li>
          ))}
        </ul>
      </details>
    </main>
  );
}
