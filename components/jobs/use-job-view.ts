"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { JobView } from "@/lib/api/job-view";
import { ApiFailure, fetchApi } from "@/lib/client/fetch-api";

export function fetchJobView(query: string, signal?: AbortSignal): Promise<JobView> {
  return fetchApi<JobView>(`/api/jobs?${query}`, signal);
}

/**
 * /api/jobs for a query, polled every `intervalMs` while the tab is visible; a 401 sends the person to sign
 * in and back to `returnTo`. Gives the query and the failure to show (none for the 401, which redirects).
 */
export function useJobView(apiQuery: string, intervalMs: number, returnTo: string) {
  const router = useRouter();
  const view = useQuery({
    queryKey: ["jobs", apiQuery],
    queryFn: ({ signal }) => fetchJobView(apiQuery, signal),
    refetchInterval: intervalMs,
    // A hidden tab stops polling and catches up when it is looked at again.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    placeholderData: keepPreviousData,
  });
  const signedOut = view.error instanceof ApiFailure && view.error.status === 401;
  useEffect(() => {
    if (signedOut) router.replace(`/login?next=${encodeURIComponent(returnTo)}`);
  }, [signedOut, router, returnTo]);
  const failure = view.error && !signedOut ? view.error.message : null;
  return { view, failure } as const;
}
