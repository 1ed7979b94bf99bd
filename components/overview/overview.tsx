import Link from "next/link";
import type { ReactNode } from "react";
import {
  LazyOutcomesChart,
  LazySavingsChart,
  LazySavingsHistogramChart,
} from "@/components/charts/lazy-charts";
import { type JobFilters, WINDOWS, windowName } from "@/lib/jobs/filters";
import { formatDuration } from "@/lib/jobs/format";
import type { Job } from "@/lib/jobs/job";
import { countByStatus } from "@/lib/jobs/metrics";
import { overviewLinks } from "@/lib/jobs/overview-links";
import {
  longestRunning,
  OUTCOMES,
  outcomesOverTime,
  overviewTiles,
  perNight,
  type SavingsSeries,
  savingsBinLabel,
  savingsBy,
  savingsByDay,
  savingsHistogram,
  topFailingClients,
} from "@/lib/jobs/overview-metrics";
import { groupStoppedJobs } from "@/lib/jobs/reason-class";
import { STATUS_INFO, STATUS_KINDS } from "@/lib/jobs/statuses";
import { ChartData, SIZE_HEAD, sizeCells } from "./chart-data";
import { OverviewTiles } from "./overview-tiles";
import { ReasonGroups } from "./reason-groups";
import { StatusTiles } from "./status-tiles";

const ACTIVE_KINDS = STATUS_KINDS.filter((kind) => STATUS_INFO[kind].active);
const FINISHED_KINDS = STATUS_KINDS.filter((kind) => !STATUS_INFO[kind].active && kind !== "unknown");

const OUTCOME_LABELS = {
  completed: "Completed",
  warnings: "With warnings",
  errors: "With errors",
  failed: "Failed, failed to start, killed",
} as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Footnote({ count, what }: { count: number; what: string }) {
  if (count === 0) return null;
  return (
    <p className="text-xs text-[var(--muted)]">
      {count} {what} carry no application data (size missing or 0) and are left out of the ratios.
    </p>
  );
}

/** A savings series as a chart, its data table with links, and the footnote of jobs left out. */
function SavingsSection({
  series,
  href,
  label,
  keyHead,
  names,
  what,
}: {
  series: SavingsSeries<string>;
  href: (key: string) => string | null;
  label: string;
  keyHead: string;
  names?: { application: string; media: string };
  what: string;
}) {
  const rows = series.rows.map((row) => ({ ...row, href: href(row.key) }));
  return (
    <>
      <LazySavingsChart rows={rows} label={label} names={names} />
      <ChartData
        caption={label}
        head={[keyHead, ...SIZE_HEAD]}
        rows={rows.map((row) => ({ key: row.key, href: row.href, cells: sizeCells(row) }))}
      />
      <Footnote count={series.withoutSizes} what={what} />
    </>
  );
}

/**
 * The overview's body over one window: every number and every chart element links to the /jobs view of
 * the jobs behind it (lib/jobs/overview-links.ts), and every chart has its numbers in a table.
 */
export function Overview({
  jobs,
  filters,
  at,
  stale,
}: {
  /** The jobs the filters cover. */
  jobs: readonly Job[];
  filters: JobFilters;
  at: Date;
  stale: string | null;
}) {
  const now = Date.now();
  const links = overviewLinks(filters);
  const windowLabel = windowName(filters.window) ?? formatDuration(filters.window);
  const active = jobs.filter((job) => job.active);
  const finished = jobs.filter((job) => !job.active);
  // Hours for a day's window, days for longer ones.
  const bucket = filters.window <= WINDOWS["24h"] ? "hour" : "day";
  const outcomes = outcomesOverTime(jobs, bucket).map((row) => ({
    ...row,
    links: Object.fromEntries(
      OUTCOMES.map((outcome) => [outcome, links.outcome(row.key, outcome)]),
    ) as Record<(typeof OUTCOMES)[number], string>,
  }));
  const histogram = savingsHistogram(jobs);
  const bins = histogram.bins.map((bin) => ({ ...bin, href: links.savingsBin(bin.from, bin.to) }));
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
      <Section id="now" title={`Now, and over the last ${windowLabel}`}>
        <OverviewTiles tiles={overviewTiles(jobs)} links={links} />
      </Section>

      <Section id="outcomes" title={`Outcomes per ${bucket} (UTC)`}>
        <LazyOutcomesChart rows={outcomes} label={`Finished jobs per ${bucket} by outcome`} />
        <ChartData
          caption={`Finished jobs per ${bucket} by outcome`}
          head={[bucket === "hour" ? "Hour (UTC)" : "Day (UTC)", ...OUTCOMES.map((o) => OUTCOME_LABELS[o])]}
          rows={outcomes.map((row) => ({
            key: row.key,
            href: null,
            cells: OUTCOMES.map((outcome) =>
              row[outcome] === 0 ? (
                0
              ) : (
                <Link key={outcome} className="underline" href={row.links[outcome]}>
                  {row[outcome]}
                </Link>
              ),
            ),
          }))}
        />
      </Section>

      <Section id="waiting" title="Why jobs wait">
        <ReasonGroups groups={groupStoppedJobs(jobs, now)} />
      </Section>

      <Section id="savings" title="What deduplication and compression save, per day">
        <SavingsSection
          series={savingsByDay(jobs)}
          href={links.day}
          label="Application and media bytes per day, with savings percentage"
          keyHead="Day (UTC)"
          what="finished jobs"
        />
      </Section>

      <Section id="nights" title="Data protected per night against media written">
        <SavingsSection
          series={perNight(jobs)}
          href={links.night}
          label="Data protected and media written per backup night (noon to noon UTC)"
          keyHead="Night of (UTC)"
          names={{ application: "Data protected", media: "Media written" }}
          what="backups"
        />
      </Section>

      <div className="grid gap-6 md:grid-cols-2">
        {(["agent", "client"] as const).map((by) => (
          <Section
            key={by}
            id={`by-${by}`}
            title={by === "agent" ? "Savings by agent" : "Savings by client (top 10)"}
          >
            <SavingsSection
              series={savingsBy(jobs, by)}
              href={(key) => links.group(by, key)}
              label={`Application and media bytes by ${by}, with savings percentage`}
              keyHead={by === "agent" ? "Agent" : "Client"}
              what="finished jobs"
            />
          </Section>
        ))}
      </div>

      <Section id="distribution" title="Savings of finished backups">
        <LazySavingsHistogramChart bins={bins} />
        <ChartData
          caption="Finished backups by savings percentage"
          head={["Savings", "Backups"]}
          rows={bins.map((bin) => ({ key: savingsBinLabel(bin), href: bin.href, cells: [bin.count] }))}
        />
        {histogram.withoutSizes > 0 && (
          <p className="text-xs text-[var(--muted)]">
            {histogram.withoutSizes} backups without application data are left out.
          </p>
        )}
      </Section>

      <div className="grid gap-6 md:grid-cols-2">
        <Section id="failing" title="Clients failing most">
          {failing.length === 0 ? (
            <p className="text-sm text-[var(--muted)]">No failures in the window.</p>
          ) : (
            <ol className="space-y-1 text-sm">
              {failing.map((row) => (
                <li key={row.client}>
                  <Link className="underline" href={links.failingClient(row.client)}>
                    {row.client}
                  </Link>{" "}
                  {row.failures}
                </li>
              ))}
            </ol>
          )}
        </Section>
        <Section id="long" title="Longest running now">
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
        </Section>
      </div>

      <Section id="active" title="Active now">
        <StatusTiles label="Active jobs by status" kinds={ACTIVE_KINDS} counts={countByStatus(active)} />
      </Section>
      <Section id="finished" title={`Finished in the last ${windowLabel}`}>
        <StatusTiles
          label="Finished jobs by status"
          kinds={FINISHED_KINDS}
          counts={countByStatus(finished)}
        />
      </Section>
      <p className="text-xs text-[var(--muted)]">
        As of <time dateTime={at.toISOString()}>{at.toISOString().replace("T", " ").slice(0, 19)} UTC</time>.
      </p>
    </>
  );
}
