import Link from "next/link";
import {
  LazyOutcomesChart,
  LazySavingsChart,
  LazySavingsHistogramChart,
} from "@/components/charts/lazy-charts";
import { StatusBadge } from "@/components/jobs/status-badge";
import { OverviewTiles } from "@/components/overview/overview-tiles";
import { ReasonGroups } from "@/components/overview/reason-groups";
import { StatusTiles } from "@/components/overview/status-tiles";
import { SessionBar } from "@/components/session/session-bar";
import { cachedJobs } from "@/lib/api/job-view";
import { pageViewer } from "@/lib/api/page-viewer";
import { getRuntime } from "@/lib/api/runtime";
import { isCommCellError } from "@/lib/commcell/errors";
import { DEFAULT_FILTERS, FILTER_PARAMS, FilterError, WINDOWS } from "@/lib/jobs/filters";
import { formatBytes, formatDuration } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/job";
import { countByStatus } from "@/lib/jobs/metrics";
import {
  longestRunning,
  outcomesOverTime,
  overviewTiles,
  savingsBy,
  savingsByDay,
  savingsHistogram,
  topFailingClients,
} from "@/lib/jobs/overview-metrics";
import { groupStoppedJobs } from "@/lib/jobs/reason-class";
import { STATUS_INFO, STATUS_KINDS } from "@/lib/jobs/statuses";

// Live data on every request, through the server's cache.
export const dynamic = "force-dynamic";

const ACTIVE_KINDS = STATUS_KINDS.filter((kind) => STATUS_INFO[kind].active);
const FINISHED_KINDS = STATUS_KINDS.filter((kind) => !STATUS_INFO[kind].active && kind !== "unknown");
const WINDOW_CHOICES = ["24h", "7d", "30d"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function readWindow(value: string | string[] | undefined): {
  seconds: number;
  name: string;
  problem: string | null;
} {
  if (typeof value !== "string") return { seconds: DEFAULT_FILTERS.window, name: "24h", problem: null };
  try {
    const seconds = FILTER_PARAMS.window.parse(value);
    return { seconds, name: FILTER_PARAMS.window.serialize(seconds), problem: null };
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    return { seconds: DEFAULT_FILTERS.window, name: "24h", problem: error.message };
  }
}

async function load(viewer: Awaited<ReturnType<typeof pageViewer>>, window: number) {
  try {
    const { answer } = await cachedJobs(viewer, { ...DEFAULT_FILTERS, category: "all", type: "all", window });
    return { jobs: answer.value.jobs, at: new Date(answer.fetchedAt), stale: answer.error } as const;
  } catch (error) {
    if (!isCommCellError(error)) throw error;
    return { error: error.message } as const;
  }
}

export default async function HomePage({ searchParams }: Props) {
  const asked = (await searchParams).window;
  const window = readWindow(asked);
  // After signing in, back to the same view.
  const viewer = await pageViewer(asked === undefined ? "/" : `/?window=${window.name}`);
  const { upstream } = getRuntime();
  const result = await load(viewer, window.seconds);
  const windowLabel = Object.keys(WINDOWS).includes(window.name)
    ? window.name
    : formatDuration(window.seconds);
  return (
    <main className="mx-auto max-w-5xl space-y-8 p-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">CommCell Job Monitor</h1>
        <SessionBar demo={upstream.demo} host={new URL(upstream.root).host} viewer={viewer} />
        <nav aria-label="Window" className="flex gap-3 text-sm">
          <Link href="/jobs" className="underline">
            All jobs
          </Link>
          <span className="text-[var(--muted)]">Window:</span>
          {WINDOW_CHOICES.map((name) => (
            <Link
              key={name}
              href={`/?window=${name}`}
              aria-current={window.name === name ? "page" : undefined}
              className={window.name === name ? "font-semibold" : "underline"}
            >
              {name}
            </Link>
          ))}
        </nav>
        {window.problem && (
          <p
            role="alert"
            className="rounded-md border border-[var(--tone-warning)] bg-[var(--tone-warning-bg)] p-2 text-sm"
          >
            The window in the address was not understood and 24h is shown: {window.problem}
          </p>
        )}
      </header>

      {"error" in result ? (
        <p
          role="alert"
          className="rounded-md border border-[var(--tone-danger)] bg-[var(--tone-danger-bg)] p-3 text-sm"
        >
          The CommCell could not be read: {result.error}
        </p>
      ) : (
        <Overview
          jobs={result.jobs}
          at={result.at}
          stale={result.stale?.message ?? null}
          window={window.name}
          windowLabel={windowLabel}
        />
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

function Overview({
  jobs,
  at,
  stale,
  window,
  windowLabel,
}: {
  jobs: readonly Job[];
  at: Date;
  stale: string | null;
  window: string;
  windowLabel: string;
}) {
  const now = Date.now();
  const active = jobs.filter((job) => job.active);
  const finished = jobs.filter((job) => !job.active);
  const savings = savingsByDay(jobs);
  const byAgent = savingsBy(jobs, "agent");
  const byClient = savingsBy(jobs, "client");
  const histogram = savingsHistogram(jobs);
  // Hours for a day's window, days for longer ones.
  const hourly = window === "24h" || window === "1h";
  const failing = topFailingClients(jobs, 5);
  const runners = longestRunning(jobs, 5);
  return (
    <>
      {stale && (
        <p
          role="alert"
          className="rounded-md border border-[var(--tone-warning)] bg-[var(--tone-warning-bg)] p-3 text-sm"
        >
          Showing the last answer the CommCell gave: {stale}
        </p>
      )}
      <section aria-labelledby="now" className="space-y-3">
        <h2 id="now" className="text-lg font-medium">
          Now, and over the last {windowLabel}
        </h2>
        <OverviewTiles tiles={overviewTiles(jobs)} window={window} />
      </section>

      <section aria-labelledby="outcomes" className="space-y-3">
        <h2 id="outcomes" className="text-lg font-medium">
          Outcomes per {hourly ? "hour" : "day"} (UTC)
        </h2>
        <LazyOutcomesChart
          rows={outcomesOverTime(jobs, hourly ? "hour" : "day")}
          label={`Finished jobs per ${hourly ? "hour" : "day"} by outcome`}
        />
      </section>

      <section aria-labelledby="waiting" className="space-y-3">
        <h2 id="waiting" className="text-lg font-medium">
          Why jobs wait
        </h2>
        <ReasonGroups groups={groupStoppedJobs(jobs, now)} />
      </section>

      <section aria-labelledby="savings" className="space-y-3">
        <h2 id="savings" className="text-lg font-medium">
          What deduplication and compression save, per day
        </h2>
        <LazySavingsChart
          rows={savings.rows}
          label="Application and media bytes per day, with savings percentage"
        />
        <details className="text-sm">
          <summary className="cursor-pointer">Data</summary>
          <table className="mt-2 w-full text-left">
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col">Application</th>
                <th scope="col">Media on disk</th>
                <th scope="col">Savings</th>
                <th scope="col">Jobs</th>
              </tr>
            </thead>
            <tbody>
              {savings.rows.map((row) => (
                <tr key={row.key}>
                  <td>{row.key}</td>
                  <td>{formatBytes(row.applicationBytes)}</td>
                  <td>{formatBytes(row.mediaBytes)}</td>
                  <td>{row.savingsPercent === null ? "–" : `${row.savingsPercent.toFixed(1)} %`}</td>
                  <td>{row.jobs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        {savings.withoutSizes > 0 && (
          <p className="text-xs text-[var(--muted)]">
            {savings.withoutSizes} finished jobs carry no application data (size missing or 0) and are left
            out of the ratios.
          </p>
        )}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="by-agent" className="space-y-2">
          <h2 id="by-agent" className="text-lg font-medium">
            Savings by agent
          </h2>
          <LazySavingsChart
            rows={byAgent.rows}
            label="Application and media bytes by agent, with savings percentage"
          />
        </section>
        <section aria-labelledby="by-client" className="space-y-2">
          <h2 id="by-client" className="text-lg font-medium">
            Savings by client (top 10)
          </h2>
          <LazySavingsChart
            rows={byClient.rows}
            label="Application and media bytes by client, with savings percentage"
          />
        </section>
      </div>

      <section aria-labelledby="distribution" className="space-y-2">
        <h2 id="distribution" className="text-lg font-medium">
          Savings of finished backups
        </h2>
        <LazySavingsHistogramChart bins={histogram.bins} />
        {histogram.withoutSizes > 0 && (
          <p className="text-xs text-[var(--muted)]">
            {histogram.withoutSizes} backups without application data are left out.
          </p>
        )}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="failing" className="space-y-2">
          <h2 id="failing" className="text-lg font-medium">
            Clients failing most
          </h2>
          {failing.length === 0 ? (
            <p className="text-sm text-[var(--muted)]">No failures in the window.</p>
          ) : (
            <ol className="space-y-1 text-sm">
              {failing.map((row) => (
                <li key={row.client}>
                  <Link
                    className="underline"
                    href={`/jobs?type=all&window=${window}&client=${encodeURIComponent(row.client)}&status=failed,failed_to_start,killed,interrupted`}
                  >
                    {row.client}
                  </Link>{" "}
                  {row.failures}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="long" className="space-y-2">
          <h2 id="long" className="text-lg font-medium">
            Longest running now
          </h2>
          {runners.length === 0 ? (
            <p className="text-sm text-[var(--muted)]">Nothing is running.</p>
          ) : (
            <ol className="space-y-1 text-sm">
              {runners.map((row) => (
                <li key={row.job.id}>
                  <Link className="underline" href={`/jobs/${row.job.id}`}>
                    {row.job.client?.name ?? row.job.id} / {row.job.subclient?.name ?? "–"}
                  </Link>{" "}
                  {formatDuration(row.elapsedSeconds)}
                  {row.usualSeconds !== null && (
                    <span className="text-[var(--muted)]">
                      {" "}
                      (usually {formatDuration(row.usualSeconds)}, {(row.ratio ?? 0).toFixed(1)}x)
                    </span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <section aria-labelledby="active" className="space-y-3">
        <h2 id="active" className="text-lg font-medium">
          Active now
        </h2>
        <StatusTiles label="Active jobs by status" kinds={ACTIVE_KINDS} counts={countByStatus(active)} />
      </section>
      <section aria-labelledby="finished" className="space-y-3">
        <h2 id="finished" className="text-lg font-medium">
          Finished in the last {windowLabel}
        </h2>
        <StatusTiles
          label="Finished jobs by status"
          kinds={FINISHED_KINDS}
          counts={countByStatus(finished)}
        />
      </section>
      <p className="text-xs text-[var(--muted)]">
        As of <time dateTime={at.toISOString()}>{at.toISOString().replace("T", " ").slice(0, 19)} UTC</time>.
      </p>
    </>
  );
}
