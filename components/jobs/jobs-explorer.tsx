"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { lazy, Suspense, startTransition, useEffect, useMemo, useState } from "react";
import { ActionBar } from "@/components/actions/action-bar";
import { useSelection } from "@/components/actions/use-selection";
import { downloadText } from "@/components/hooks/download";
import { Checklist } from "@/components/ui/checklist";
import { TimeAgo, UpdatedAgo } from "@/components/ui/time-ago";
import { UrlProblems } from "@/components/ui/url-problems";
import { DEFAULT_FILTERS, PAGE_SIZE_MAX, serializeFilters } from "@/lib/jobs/filters";
import { COLUMN_IDS, COLUMN_LABELS, timeZoneOf } from "@/lib/jobs/view-params";
import { ExplorerPager } from "./explorer-pager";
import { FilterBar } from "./filter-bar";
import { TimeZoneInput } from "./time-zone-input";
import { useExplorerState } from "./use-explorer-state";
import { fetchJobView, useJobView } from "./use-job-view";

// The table (TanStack Table, the virtualizer, the cell renderers) is a chunk of its own, fetched while the
// first /api/jobs answer is on its way: nothing can be drawn in it before that answer anyway, and the
// filters and toolbar are usable without it.
const loadTable = () => import("./jobs-table");
const JobsTable = lazy(loadTable);
if (typeof window !== "undefined") void loadTable();

function TableLoading() {
  return (
    <p className="p-8 text-center text-[var(--muted)]" data-testid="loading">
      Loading jobs…
    </p>
  );
}

export function JobsExplorer({
  refreshFloorSeconds,
  mayAct = false,
}: {
  refreshFloorSeconds: number;
  /** Whether this person may act on jobs: row checkboxes and the action bar. */
  mayAct?: boolean;
}) {
  const searchParams = useSearchParams();
  const { state, setState, filters, problems, update, reset } = useExplorerState();
  const apiQuery = serializeFilters(filters).toString();
  const interval = Math.max(state.refresh, refreshFloorSeconds) * 1000;
  const timeZone = timeZoneOf(state.tz);
  const { view, failure: failed } = useJobView(
    filters,
    apiQuery,
    interval,
    `/jobs?${searchParams.toString()}`,
  );

  // The theme in the URL wins over the system's; "system" leaves the choice to it.
  useEffect(() => {
    if (state.theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = state.theme;
  }, [state.theme]);

  useEffect(() => {
    document.title = `${filters.category === "all" ? "Jobs" : filters.category === "active" ? "Active jobs" : "Finished jobs"}${
      view.data ? ` (${view.data.total})` : ""
    } · CommCell Job Monitor`;
  }, [filters.category, view.data]);

  // The clients of the rows held, for the client filter's suggestions. Made again with each answer from
  // the server (each brings its own facets object), not with each sort done here from the rows held (which
  // keeps the facets it had): a re-ordering has the same clients, and 10,000 rows are not walked again
  // inside the sort click.
  const facetsOfAnswer = view.data?.facets;
  // biome-ignore lint/correctness/useExhaustiveDependencies: made again per answer, as said above
  const clients = useMemo(
    () =>
      [
        ...new Set(
          (view.data?.jobs ?? [])
            .map((job) => job.client?.name)
            .filter((name): name is string => Boolean(name)),
        ),
      ].sort(),
    [facetsOfAnswer],
  );
  const pages = view.data ? Math.max(1, Math.ceil(view.data.total / filters.pageSize)) : 1;
  const [notice, setNotice] = useState<string | null>(null);

  async function exportCsv() {
    const all = await fetchJobView(
      serializeFilters({ ...filters, page: 1, pageSize: PAGE_SIZE_MAX }).toString(),
    );
    const { jobsToCsv } = await import("@/lib/jobs/csv");
    downloadText(
      `jobs-${new Date().toISOString().slice(0, 19).replaceAll(":", "")}.csv`,
      jobsToCsv(all.jobs, timeZone),
      "text/csv;charset=utf-8",
    );
    if (all.total > all.jobs.length)
      setNotice(`The CSV holds the first ${all.jobs.length} of ${all.total} jobs.`);
  }

  async function copyLink() {
    await navigator.clipboard.writeText(window.location.href).catch(() => undefined);
    setNotice("Link copied.");
  }

  const stale = view.data?.stale ? view.data.error?.message : null;
  const queryClient = useQueryClient();
  // The selection belongs to a view: what it shows, not which page of it or in which order.
  const viewQuery = serializeFilters({
    ...filters,
    page: 1,
    pageSize: 1,
    sort: DEFAULT_FILTERS.sort,
  }).toString();
  const rowJobs = view.data?.jobs;
  // By the rows, not the answer: an answer that only says the view was found unchanged keeps them.
  const rowIds = useMemo(() => (rowJobs ?? []).map((job) => job.id), [rowJobs]);
  const selection = useSelection(rowIds, viewQuery);
  // One object while the zone stays: the table's rows are memo, and a new context would draw them all.
  const cellContext = useMemo(() => ({ timeZone }), [timeZone]);

  return (
    <div className="space-y-4">
      <FilterBar filters={filters} update={update} clients={clients} facets={view.data?.facets ?? null} />

      <div className="flex flex-wrap items-center gap-3 text-sm" role="toolbar" aria-label="View">
        <UpdatedAgo fetchedAt={view.data?.fetchedAt} pending={view.isPending} />
        {view.data && <span data-testid="total">{view.data.total} jobs</span>}
        <button type="button" className="underline" onClick={copyLink}>
          Copy link
        </button>
        <button type="button" className="underline" onClick={exportCsv} disabled={!view.data}>
          Export CSV
        </button>
        <Checklist
          label="Columns"
          summary={`${state.columns.length} of ${COLUMN_IDS.length}`}
          items={COLUMN_IDS.filter((id) => id !== "id")}
          selected={state.columns}
          name={(id) => COLUMN_LABELS[id]}
          onToggle={(id) =>
            void setState({
              columns: COLUMN_IDS.filter(
                (column) =>
                  column === "id" ||
                  (column === id ? !state.columns.includes(id) : state.columns.includes(column)),
              ),
            })
          }
        />
        <TimeZoneInput value={state.tz} onChange={(tz) => void setState({ tz })} />
        {notice && (
          <span role="status" className="text-[var(--muted)]">
            {notice}
          </span>
        )}
      </div>

      {mayAct && view.data && (
        <ActionBar
          selection={selection}
          total={view.data.total}
          view={apiQuery}
          onChanged={() => void queryClient.invalidateQueries({ queryKey: ["jobs"] })}
        />
      )}

      <UrlProblems problems={problems} />
      {(stale || (failed && view.data)) && (
        <p
          role="alert"
          className="rounded-md border border-[var(--tone-warning)] bg-[var(--tone-warning-bg)] p-2 text-sm"
        >
          Showing data from {view.data ? <TimeAgo time={Date.parse(view.data.fetchedAt)} /> : "earlier"}:{" "}
          {stale ?? failed}
        </p>
      )}

      {view.data ? (
        view.data.total === 0 ? (
          <div className="rounded-lg border border-[var(--border)] p-8 text-center" data-testid="empty">
            <p>No jobs match these filters.</p>
            <button type="button" className="mt-2 underline" onClick={reset}>
              Reset filters
            </button>
          </div>
        ) : (
          <Suspense fallback={<TableLoading />}>
            <JobsTable
              jobs={view.data.jobs}
              sort={filters.sort}
              // A transition: React renders the re-sorted 10,000-row table in slices that leave the main
              // thread free between them, instead of one task that holds the click's frame.
              onSort={(sort) => startTransition(() => update({ sort }))}
              context={cellContext}
              visible={state.columns}
              {...(mayAct ? { selection } : {})}
            />
          </Suspense>
        )
      ) : failed ? (
        <p
          role="alert"
          className="rounded-md border border-[var(--tone-danger)] bg-[var(--tone-danger-bg)] p-3 text-sm"
        >
          The jobs could not be loaded: {failed}
        </p>
      ) : (
        <TableLoading />
      )}

      {view.data && (
        <ExplorerPager
          page={filters.page}
          pages={pages}
          pageSize={filters.pageSize}
          onPage={(page) => void setState({ page })}
          onPageSize={(pageSize) => update({ pageSize })}
        />
      )}
    </div>
  );
}
