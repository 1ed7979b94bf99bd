"use client";

// /coverage: what is not protected, for the period in the URL. Tiles per state (each narrows the list to
// it), filters in the URL through the one parameter system, the clients worst first, a CSV of the view.
// The same freshness rules as /jobs: polled, "updated N s ago", stale answers shown with a banner.

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo } from "react";
import { downloadText } from "@/components/hooks/download";
import { Checklist } from "@/components/ui/checklist";
import { DebouncedInput } from "@/components/ui/debounced-input";
import { TimeAgo, UpdatedAgo } from "@/components/ui/time-ago";
import { UrlProblems } from "@/components/ui/url-problems";
import type { CoverageAnswer } from "@/lib/api/coverage-view";
import { ApiFailure, fetchApi } from "@/lib/client/fetch-api";
import { COVERAGE_INFO, COVERAGE_STATES, type CoverageState } from "@/lib/jobs/coverage";
import { coverageCsv } from "@/lib/jobs/coverage-csv";
import {
  COVERAGE_WINDOWS,
  type CoverageParams,
  type CoverageWindow,
  DEFAULT_COVERAGE_PARAMS,
  parseCoverageParams,
  serializeCoverageParams,
} from "@/lib/jobs/coverage-params";
import { CoverageBadge } from "./coverage-badge";
import { CoverageTable } from "./coverage-table";

const TILE_COUNT = {
  never_backed_up: "neverBackedUp",
  unprotected: "unprotected",
  at_risk: "atRisk",
  protected: "protected",
  excluded: "excluded",
} as const satisfies Record<CoverageState, keyof CoverageAnswer["summary"]>;

export function CoveragePage({
  defaultWithin,
  refreshSeconds,
}: {
  defaultWithin: CoverageWindow;
  refreshSeconds: number;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const defaults = useMemo(() => ({ ...DEFAULT_COVERAGE_PARAMS, within: defaultWithin }), [defaultWithin]);
  const { values: params, problems } = useMemo(
    () => parseCoverageParams(new URLSearchParams(searchParams.toString()), defaults),
    [searchParams, defaults],
  );
  const query = serializeCoverageParams(params, DEFAULT_COVERAGE_PARAMS).toString();
  const coverage = useQuery({
    queryKey: ["coverage", query],
    queryFn: ({ signal }) => fetchApi<CoverageAnswer>(`/api/coverage?${query}`, signal),
    refetchInterval: refreshSeconds * 1000,
    refetchIntervalInBackground: false,
  });
  const signedOut = coverage.error instanceof ApiFailure && coverage.error.status === 401;
  useEffect(() => {
    if (signedOut) router.replace(`/login?next=${encodeURIComponent(`${pathname}?${searchParams}`)}`);
  }, [signedOut, router, pathname, searchParams]);

  const update = (change: Partial<CoverageParams>) => {
    const next = serializeCoverageParams({ ...params, ...change }, defaults).toString();
    router.replace(next ? `${pathname}?${next}` : pathname, { scroll: false });
  };
  const data = coverage.data;
  const groups = useMemo(() => [...new Set((data?.clients ?? []).flatMap((c) => c.groups))].sort(), [data]);

  return (
    <div className="space-y-4">
      <search className="flex flex-wrap items-end gap-3 text-sm" aria-label="Coverage filters">
        <label className="flex flex-col gap-1">
          Period
          <select
            value={params.within}
            onChange={(event) => update({ within: event.target.value as CoverageWindow })}
            className="rounded border border-[var(--border)] bg-transparent px-2 py-1"
          >
            {(Object.keys(COVERAGE_WINDOWS) as CoverageWindow[]).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <DebouncedInput
          label="Client group"
          value={params.clientGroup ?? ""}
          list="coverage-groups"
          onChange={(value) => update({ clientGroup: value || null })}
        />
        <datalist id="coverage-groups">
          {groups.map((group) => (
            <option key={group} value={group} />
          ))}
        </datalist>
        <DebouncedInput
          label="Agent"
          value={params.agent ?? ""}
          onChange={(value) => update({ agent: value || null })}
        />
        <DebouncedInput
          label="Client or subclient"
          value={params.q ?? ""}
          onChange={(value) => update({ q: value || null })}
        />
        <Checklist
          label="State"
          summary={params.state.length === 0 ? "all" : `${params.state.length} of ${COVERAGE_STATES.length}`}
          items={COVERAGE_STATES}
          selected={params.state}
          name={(state) => COVERAGE_INFO[state].label}
          onToggle={(state) =>
            update({
              state: params.state.includes(state)
                ? params.state.filter((s) => s !== state)
                : [...params.state, state],
            })
          }
        />
        <button
          type="button"
          className="underline"
          disabled={!data}
          onClick={() =>
            data &&
            downloadText(
              `coverage-${params.within}-${new Date().toISOString().slice(0, 10)}.csv`,
              coverageCsv(data.clients),
              "text/csv;charset=utf-8",
            )
          }
        >
          Export CSV
        </button>
        <UpdatedAgo fetchedAt={data?.fetchedAt} pending={coverage.isPending} />
      </search>
      <UrlProblems problems={problems} />
      {data?.inventory === "jobs-only" && (
        <p
          role="note"
          className="rounded-md border border-[var(--tone-warning)] bg-[var(--tone-warning-bg)] p-2 text-sm"
          data-testid="jobs-only"
        >
          Computed from the jobs alone ({data.inventoryNote}): subclients that never ran cannot be seen.
        </p>
      )}
      {data?.stale && (
        <p
          role="alert"
          className="rounded-md border border-[var(--tone-warning)] bg-[var(--tone-warning-bg)] p-2 text-sm"
        >
          Showing data from <TimeAgo time={Date.parse(data.fetchedAt)} />: {data.error?.message}
        </p>
      )}
      {coverage.error && !signedOut && (
        <p
          role="alert"
          className="rounded-md border border-[var(--tone-danger)] bg-[var(--tone-danger-bg)] p-3 text-sm"
        >
          Coverage could not be loaded: {coverage.error.message}
        </p>
      )}
      {data && (
        <>
          <ul
            aria-label="Coverage"
            className="grid grid-cols-2 gap-3 sm:grid-cols-6"
            data-testid="coverage-tiles"
          >
            <li
              className="flex flex-col gap-2 rounded-lg border border-[var(--border)] bg-[var(--surface)] p-3"
              data-tile="percent"
            >
              <span className="text-3xl font-semibold tabular-nums" data-testid="count">
                {data.summary.protectedPercent === null ? "–" : `${data.summary.protectedPercent} %`}
              </span>
              <span className="text-sm">clients meeting SLA ({params.within})</span>
            </li>
            {COVERAGE_STATES.map((state) => (
              <li key={state} data-tile={state}>
                <button
                  type="button"
                  className="flex w-full flex-col gap-2 rounded-lg border border-[var(--border)] bg-[var(--surface)] p-3 text-left"
                  aria-pressed={params.state.length === 1 && params.state[0] === state}
                  onClick={() =>
                    update({ state: params.state.length === 1 && params.state[0] === state ? [] : [state] })
                  }
                >
                  <span className="text-3xl font-semibold tabular-nums" data-testid="count">
                    {data.summary[TILE_COUNT[state]]}
                  </span>
                  <CoverageBadge state={state} />
                </button>
              </li>
            ))}
          </ul>
          {data.clients.length === 0 ? (
            <p className="rounded-lg border border-[var(--border)] p-8 text-center" data-testid="empty">
              No clients match these filters.
            </p>
          ) : (
            <CoverageTable clients={data.clients} timeZone={undefined} />
          )}
        </>
      )}
    </div>
  );
}
