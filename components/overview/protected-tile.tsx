"use client";

// The overview's "Protected" tile: clients meeting SLA for the server's default coverage period, opening
// /coverage. Read on its own, so the overview is not held back by the subclient inventory; a plain fetch,
// as the overview ships without the query library.

import Link from "next/link";
import { useEffect, useState } from "react";
import type { CoverageAnswer } from "@/lib/api/coverage-view";
import { fetchApi } from "@/lib/client/fetch-api";

const EVERY_MS = 60_000;

export function ProtectedTile() {
  const [coverage, setCoverage] = useState<{ data?: CoverageAnswer; error?: Error }>({});
  useEffect(() => {
    const controller = new AbortController();
    const read = () =>
      fetchApi<CoverageAnswer>("/api/coverage", controller.signal).then(
        (data) => setCoverage({ data }),
        (error: Error) => !controller.signal.aborted && setCoverage((held) => ({ ...held, error })),
      );
    void read();
    const timer = setInterval(read, EVERY_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, []);
  const summary = coverage.data?.summary;
  return (
    <Link
      href="/coverage"
      className="flex h-full flex-col gap-1 rounded-lg border border-[var(--border)] bg-[var(--surface)] p-3 hover:border-[var(--tone-info)]"
      data-tile="Protected"
    >
      <span className="text-3xl font-semibold tabular-nums">
        {summary?.protectedPercent === null || summary === undefined ? "–" : `${summary.protectedPercent} %`}
      </span>
      <span className="text-sm">
        Protected{coverage.data ? ` (${coverage.data.within})` : ""}
        {summary && summary.unprotected + summary.neverBackedUp > 0
          ? ` · ${summary.unprotected + summary.neverBackedUp} clients not`
          : ""}
        {coverage.error ? " · could not be read" : ""}
      </span>
    </Link>
  );
}
