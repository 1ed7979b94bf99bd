"use client";

import { memo } from "react";
// The wall's coverage panel: clients that are unprotected or at risk (never backed up first), as many as
// fit, then "+N more"; polled with the wall's own refresh, for the server's default period.

import { useQuery } from "@tanstack/react-query";
import { CoverageBadge } from "@/components/coverage/coverage-badge";
import type { CoverageAnswer } from "@/lib/api/coverage-view";
import { fetchApi } from "@/lib/client/fetch-api";
import { useFitRows } from "./use-fit-rows";

const ROW_VH = 4.2;
const NOT_PROTECTED = "never_backed_up,unprotected,at_risk";

export const WallCoverage = memo(function WallCoverage({ intervalMs }: { intervalMs: number }) {
  const coverage = useQuery({
    queryKey: ["wall-coverage"],
    queryFn: ({ signal }) => fetchApi<CoverageAnswer>(`/api/coverage?state=${NOT_PROTECTED}`, signal),
    refetchInterval: intervalMs,
    refetchIntervalInBackground: true,
  });
  const { ref, rows, rowPx } = useFitRows(ROW_VH);
  const clients = coverage.data?.clients ?? [];
  const fits = clients.length > rows ? Math.max(0, rows - 1) : rows;
  const shown = clients.slice(0, fits);
  return (
    <div ref={ref} className="min-h-0 flex-1 overflow-hidden" data-testid="wall-coverage">
      {coverage.error && !coverage.data && (
        <p className="text-[2.4vh]">Coverage could not be read: {coverage.error.message}</p>
      )}
      {coverage.data && (
        <p className="text-[2.2vh] text-[var(--muted)]">
          {coverage.data.summary.protectedPercent === null
            ? "–"
            : `${coverage.data.summary.protectedPercent} %`}{" "}
          of clients meet SLA ({coverage.data.within})
        </p>
      )}
      {coverage.data && clients.length === 0 && <p className="text-[2.4vh]">Every client is protected.</p>}
      <ul aria-label="Clients not protected, worst first">
        {shown.map((client) => (
          <li
            key={client.id ?? client.name}
            className="flex items-center gap-[1vw] text-[2.4vh]"
            style={{ height: rowPx }}
            data-client={client.name}
          >
            <span className="min-w-0 flex-1 truncate">{client.name}</span>
            <CoverageBadge state={client.state} />
          </li>
        ))}
        {clients.length > shown.length && (
          <li className="text-[2.2vh] text-[var(--muted)]" style={{ height: rowPx }}>
            +{clients.length - shown.length} more
          </li>
        )}
      </ul>
    </div>
  );
});
