// Filters in words, for the captions of views that summarise jobs (the wall, the overview).

import { BACKUP_LEVEL_LABELS } from "./backup-levels";
import { type JobFilters, savingsRangeText, timeRangeText, WINDOWS } from "./filters";
import { formatDuration } from "./format";
import { JOB_TYPES } from "./job-types";
import { STATUS_INFO } from "./statuses";

/**
 * What a summary covers, in words, for the wall's caption and the overview's heading: so "3 failed" reads as
 * failed backups of one client group over a day, not everything.
 */
export function describeFilters(filters: JobFilters): string[] {
  const windowName = Object.entries(WINDOWS).find(([, seconds]) => seconds === filters.window)?.[0];
  const parts = [
    filters.type === "all" ? "All job types" : filters.type.map((key) => JOB_TYPES[key].label).join(", "),
    `last ${windowName ?? formatDuration(filters.window)}`,
  ];
  if (filters.clientGroup) parts.push(`client group ${filters.clientGroup}`);
  if (filters.client) parts.push(`client ${filters.client}`);
  if (filters.agent) parts.push(`agent ${filters.agent}`);
  if (filters.level.length > 0)
    parts.push(filters.level.map((level) => BACKUP_LEVEL_LABELS[level]).join(", "));
  if (filters.status.length > 0) parts.push(filters.status.map((kind) => STATUS_INFO[kind].label).join(", "));
  if (filters.q) parts.push(`matching "${filters.q}"`);
  for (const text of [timeRangeText(filters.from, filters.to), savingsRangeText(filters.savings)])
    if (text) parts.push(text);
  return parts;
}
