import Link from "next/link";
import { StatusBadge } from "@/components/jobs/status-badge";
import { Overview } from "@/components/overview/overview";
import { PageFrame } from "@/components/shell/page-frame";
import { UrlProblems } from "@/components/ui/url-problems";
import { cachedJobs } from "@/lib/api/job-view";
import { pageViewer } from "@/lib/api/page-viewer";
import { isCommCellError } from "@/lib/commcell/errors";
import { type JobFilters, WINDOWS, windowName } from "@/lib/jobs/filters";
import { describeFilters } from "@/lib/jobs/filters-caption";
import { overviewHref, parseOverview } from "@/lib/jobs/overview-params";
import { filterJobs } from "@/lib/jobs/select";
import { STATUS_INFO, STATUS_KINDS } from "@/lib/jobs/statuses";
import { searchParamsOf } from "@/lib/jobs/url-params";

// Live data on every request, through the server's cache.
export const dynamic = "force-dynamic";

/** The filters that narrow an overview, at their widest: "show everything" keeps only the window. */
const NARROWING_DEFAULTS = {
  type: "all",
  status: [],
  client: null,
  clientGroup: null,
  agent: null,
  level: [],
  q: null,
  from: null,
  to: null,
  savings: null,
} as const satisfies Partial<JobFilters>;

const WINDOW_CHOICES = ["24h", "7d", "30d"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The upstream query through the shared cache, then the filters the CommCell does not apply. */
async function load(viewer: Awaited<ReturnType<typeof pageViewer>>, filters: JobFilters) {
  try {
    const answer = await cachedJobs(viewer, filters);
    return {
      jobs: filterJobs(answer.value.jobs, filters),
      at: new Date(answer.fetchedAt),
      staleBecause: answer.error?.message ?? null,
    } as const;
  } catch (error) {
    if (!isCommCellError(error)) throw error;
    return { error: error.message } as const;
  }
}

export default async function HomePage({ searchParams }: Props) {
  const params = searchParamsOf(await searchParams);
  const { filters, problems } = parseOverview(params);
  // After signing in, back to the same view.
  const viewer = await pageViewer(overviewHref(filters));
  const result = await load(viewer, filters);
  const current = windowName(filters.window);
  return (
    <PageFrame current="overview" viewer={viewer}>
      <header className="space-y-2">
        <h1 className="text-xl font-semibold">Overview</h1>
        <nav aria-label="Window" className="flex flex-wrap gap-3 text-sm">
          <Link
            href={`/wall?${new URL(overviewHref(filters), "http://x").searchParams}`}
            className="underline"
          >
            This view on the wall display
          </Link>
          <span className="text-[var(--muted)]">Window:</span>
          {WINDOW_CHOICES.map((name) => (
            <Link
              key={name}
              href={overviewHref({ ...filters, window: WINDOWS[name] })}
              aria-current={current === name ? "page" : undefined}
              className={current === name ? "font-semibold" : "underline"}
            >
              {name}
            </Link>
          ))}
        </nav>
        <p className="text-sm text-[var(--muted)]" data-testid="covering">
          Covering: {describeFilters(filters).join(" · ")}
          {overviewHref(filters) !== overviewHref({ ...filters, ...NARROWING_DEFAULTS }) && (
            <>
              {" "}
              <Link className="underline" href={overviewHref({ ...filters, ...NARROWING_DEFAULTS })}>
                Show everything
              </Link>
            </>
          )}
        </p>
        <UrlProblems problems={problems} />
      </header>

      {"error" in result ? (
        <p
          role="alert"
          className="rounded-md border border-[var(--tone-danger)] bg-[var(--tone-danger-bg)] p-3 text-sm"
        >
          The CommCell could not be read: {result.error}
        </p>
      ) : (
        <Overview jobs={result.jobs} filters={filters} at={result.at} stale={result.staleBecause} />
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
    </PageFrame>
  );
}
