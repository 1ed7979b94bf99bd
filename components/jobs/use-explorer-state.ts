"use client";

import { useSearchParams } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";
import { invalidUrlValues, PAGE_PARSERS } from "@/lib/jobs/filter-parsers";
import { FILTER_NAMES, type JobFilters } from "@/lib/jobs/filters";

/**
 * The explorer's state, which lives in the URL only (back, forward and a pasted link all just work): the
 * filters and view settings through the one parameter table, the values that did not parse, and updates
 * that go back to the first page.
 */
export function useExplorerState() {
  const searchParams = useSearchParams();
  const [state, setState] = useQueryStates(PAGE_PARSERS, { history: "push" });
  const filters = useMemo(
    () => Object.fromEntries(FILTER_NAMES.map((name) => [name, state[name]])) as unknown as JobFilters,
    [state],
  );
  const problems = useMemo(
    () => invalidUrlValues(new URLSearchParams(searchParams.toString())),
    [searchParams],
  );
  // Any filter change goes back to the first page.
  const update = useCallback(
    (patch: Partial<JobFilters>) => void setState({ ...patch, page: 1 }),
    [setState],
  );
  const reset = useCallback(
    () => void setState(Object.fromEntries(FILTER_NAMES.map((name) => [name, null])) as never),
    [setState],
  );
  return { state, setState, filters, problems, update, reset } as const;
}
