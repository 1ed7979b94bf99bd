"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useHeldAnswers } from "@/components/hooks/use-held-answers";
import { usePushedRefresh } from "@/components/hooks/use-pushed-refresh";
import { useViewStream } from "@/components/hooks/use-view-stream";
import type { JobView } from "@/lib/api/job-view";
import { ApiFailure, type Derived, fetchApi, withFetchedAt } from "@/lib/client/fetch-api";
import { type JobFilters, parseFilters } from "@/lib/jobs/filters";
import { localSelection } from "@/lib/jobs/local-view";

export function fetchJobView(query: string, signal?: AbortSignal): Promise<JobView> {
  return fetchApi<JobView>(`/api/jobs?${query}`, signal);
}

/**
 * What to show for `filters` while the server is asked: when the view held before holds its whole
 * selection and the new one only re-orders, pages or narrows it, the new rows computed here (a sort click
 * on 10,000 rows needs no network); else the view held before, as it was.
 */
function heldOrLocal(
  held: JobView | undefined,
  heldQuery: string | undefined,
  filters: JobFilters,
  apiQuery: string,
): JobView | undefined {
  if (!held || heldQuery === undefined) return held;
  // React Query asks for the placeholder on every render while the answer is on its way: sort once.
  const known = localViews.get(held)?.get(apiQuery);
  if (known) return known;
  const local = localSelection(
    { filters: parseFilters(new URLSearchParams(heldQuery)).filters, jobs: held.jobs, total: held.total },
    filters,
  );
  // The facets stay the held view's until the server's answer: counting them needs jobs the browser may
  // not have (each facet counts over every other filter, not over this one).
  const view = local ? { ...held, jobs: local.jobs, total: local.total } : held;
  const byQuery = localViews.get(held) ?? new Map<string, JobView>();
  byQuery.set(apiQuery, view);
  localViews.set(held, byQuery);
  return view;
}

/** The views computed from each held view, by query; they go when the held view does. */
const localViews = new WeakMap<JobView, Map<string, JobView>>();

/**
 * The server's rowless answer to a view computed here (lib/http/derived-rows.ts) made whole: its word on
 * everything (total, facets, age) with the rows computed. Null when its total is not the rows' count.
 */
function confirmedView(rest: unknown, local: JobView): JobView | null {
  if (typeof rest !== "object" || rest === null) return null;
  const answer = rest as Omit<JobView, "jobs">;
  return answer.total === local.total ? { ...answer, jobs: local.jobs } : null;
}

/** The last view computed here from a held one, until the request that confirms it goes out. */
interface Derivation {
  readonly apiQuery: string;
  readonly fromQuery: string;
  readonly view: JobView;
}

/**
 * /api/jobs for a query, refreshed when the push channel says it changed (no sooner than `intervalMs` after
 * the last answer), or polled every `intervalMs` while the channel is not alive; only while the tab is
 * visible. A 401 sends the person to sign in and back to `returnTo`. Gives the query and the failure to
 * show (none for the 401, which redirects).
 */
export function useJobView(filters: JobFilters, apiQuery: string, intervalMs: number, returnTo: string) {
  const router = useRouter();
  const queryClient = useQueryClient();
  // A poll of an unchanged view is a 304, and the rows stay as they are.
  const held = useHeldAnswers<JobView>("jobs");
  const stream = useViewStream(`jobs:${apiQuery}`);
  const derivation = useRef<Derivation | null>(null);
  /** How the server may confirm the view shown for `apiQuery`, if it was computed here. */
  const derivedFor = (query: string): Derived<JobView> | undefined => {
    const last = derivation.current;
    if (!last || last.apiQuery !== query) return undefined;
    derivation.current = null;
    const etag = held.heldTag(last.fromQuery);
    if (!etag) return undefined;
    return { from: { query: last.fromQuery, etag }, complete: (rest) => confirmedView(rest, last.view) };
  };
  const view = useQuery({
    queryKey: ["jobs", apiQuery],
    queryFn: async ({ signal }) => (await held.refresh(apiQuery, signal, derivedFor(apiQuery))).data,
    refetchInterval: stream.live ? false : intervalMs,
    // A changed answer is new rows, and an unchanged one is a 304 that keeps the rows held. React Query's
    // structural sharing, which compares the new answer with the old one to keep equal parts, only costs
    // here: profiled after a sort of 10,000 rows, its deep compare of the rows was three quarters of the
    // task the server's confirming answer made (about 36 ms of a 76 ms task).
    structuralSharing: false,
    // A hidden tab stops polling and catches up when it is looked at again.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    placeholderData: (previous, previousQuery) => {
      const fromQuery = previousQuery?.queryKey[1] as string | undefined;
      const shown = heldOrLocal(previous, fromQuery, filters, apiQuery);
      // Computed here: the request about to go out asks the server to confirm these rows, not send them.
      if (shown && shown !== previous && fromQuery !== undefined)
        derivation.current = { apiQuery, fromQuery, view: shown };
      return shown;
    },
  });
  usePushedRefresh({
    stream,
    heldTag: () => held.heldTag(apiQuery),
    fetchedAt: view.dataUpdatedAt,
    minGapMs: intervalMs,
    refetch: () => void view.refetch(),
    // Refreshed and unchanged: the rows stay, the time they were found so moves on.
    onUnchanged: (fetchedAt) =>
      queryClient.setQueryData<JobView>(
        ["jobs", apiQuery],
        (answer) => answer && withFetchedAt(answer, fetchedAt),
      ),
    skipsWhenHidden: true,
  });
  const signedOut = view.error instanceof ApiFailure && view.error.status === 401;
  useEffect(() => {
    if (signedOut) router.replace(`/login?next=${encodeURIComponent(returnTo)}`);
  }, [signedOut, router, returnTo]);
  const failure = view.error && !signedOut ? view.error.message : null;
  return { view, failure } as const;
}
