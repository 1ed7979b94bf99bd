import { StatusBadge } from "@/components/jobs/status-badge";
import { StatusTiles } from "@/components/overview/status-tiles";
import { SessionBar } from "@/components/session/session-bar";
import { cachedJobs } from "@/lib/api/job-view";
import { pageViewer } from "@/lib/api/page-viewer";
import { getRuntime } from "@/lib/api/runtime";
import { isCommCellError } from "@/lib/commcell/errors";
import { DEFAULT_FILTERS, WINDOWS } from "@/lib/jobs/filters";
import { countByStatus } from "@/lib/jobs/metrics";
import { STATUS_INFO, STATUS_KINDS } from "@/lib/jobs/statuses";

// Live data on every request, through the server's cache; the full overview comes with its own issue.
export const dynamic = "force-dynamic";

const ACTIVE_KINDS = STATUS_KINDS.filter((kind) => STATUS_INFO[kind].active);
const FINISHED_KINDS = STATUS_KINDS.filter((kind) => !STATUS_INFO[kind].active && kind !== "unknown");
const LAST_DAY = { ...DEFAULT_FILTERS, type: "all" as const, window: WINDOWS["24h"] };

async function loadCounts(viewer: Awaited<ReturnType<typeof pageViewer>>) {
  try {
    const [active, finished] = await Promise.all([
      cachedJobs(viewer, { ...LAST_DAY, category: "active" }),
      cachedJobs(viewer, { ...LAST_DAY, category: "finished" }),
    ]);
    return {
      active: countByStatus(active.answer.value.jobs),
      finished: countByStatus(finished.answer.value.jobs),
      at: new Date(Math.min(active.answer.fetchedAt, finished.answer.fetchedAt)),
      stale: active.answer.error ?? finished.answer.error,
    } as const;
  } catch (error) {
    if (!isCommCellError(error)) throw error;
    return { error: error.message } as const;
  }
}

export default async function HomePage() {
  const viewer = await pageViewer("/");
  const { upstream } = getRuntime();
  const result = await loadCounts(viewer);
  return (
    <main className="mx-auto max-w-4xl space-y-8 p-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">CommCell Job Monitor</h1>
        <SessionBar demo={upstream.demo} host={new URL(upstream.root).host} viewer={viewer} />
      </header>

      {"error" in result ? (
        <p
          role="alert"
          className="rounded-md border border-[var(--tone-danger)] bg-[var(--tone-danger-bg)] p-3 text-sm"
        >
          The CommCell could not be read: {result.error}
        </p>
      ) : (
        <>
          {result.stale && (
            <p
              role="alert"
              className="rounded-md border border-[var(--tone-warning)] bg-[var(--tone-warning-bg)] p-3 text-sm"
            >
              Showing the last answer the CommCell gave: {result.stale.message}
            </p>
          )}
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
