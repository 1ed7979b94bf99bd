// Where each number of the coverage page leads: the /jobs views of exactly the jobs behind it.

import { DEFAULT_FILTERS, serializeFilters, WINDOWS } from "@/lib/jobs/filters";

const MONTH = WINDOWS["30d"];

/** A client's backups over the last 30 days. */
export function clientJobsLink(client: string): string {
  return `/jobs?${serializeFilters({ ...DEFAULT_FILTERS, type: ["backup"], window: MONTH, client }).toString()}`;
}

/** A subclient's failed and killed backups: its strikes, among others of the month. */
export function strikesLink(client: string, subclient: string): string {
  const params = serializeFilters({
    ...DEFAULT_FILTERS,
    type: ["backup"],
    window: MONTH,
    client,
    q: subclient,
    status: ["failed", "failed_to_start", "killed", "interrupted", "committed", "completed_with_errors"],
  });
  return `/jobs?${params.toString()}`;
}
