// The current view as CSV: one row per job, times in the chosen zone with the offset written, sizes in
// bytes (a spreadsheet can do its own units), text quoted (csv-cell.ts) so a comma, semicolon or quote in a reason stays in its cell.

import { csvCell as cell } from "./csv-cell";
import { formatAbsolute } from "./format";
import type { JobRow } from "./job-row";

const COLUMNS: readonly [string, (job: JobRow, timeZone: string | undefined) => string | number | null][] = [
  ["job id", (job) => job.id],
  ["status", (job) => job.status],
  ["type", (job) => job.type],
  ["level", (job) => job.backupLevel?.name ?? null],
  ["client", (job) => job.client?.name ?? null],
  ["agent", (job) => job.appType?.name ?? null],
  ["backup set", (job) => job.backupSet?.name ?? null],
  ["subclient", (job) => job.subclient?.name ?? null],
  ["phase", (job) => job.phase],
  ["percent complete", (job) => job.percentComplete],
  ["start", (job, tz) => (job.startTime === null ? null : formatAbsolute(job.startTime, tz))],
  ["end", (job, tz) => (job.endTime === null ? null : formatAbsolute(job.endTime, tz))],
  ["elapsed seconds", (job) => job.elapsedSeconds],
  ["application bytes", (job) => job.sizeOfApplication],
  ["media bytes", (job) => job.sizeOfMediaOnDisk],
  ["savings percent", (job) => job.percentSavings],
  ["files", (job) => job.files.total],
  ["failed files", (job) => job.files.failed],
  ["pending reason", (job) => job.pendingReason?.reasons.map((r) => r.message).join(" | ") ?? null],
];

export function jobsToCsv(jobs: readonly JobRow[], timeZone: string | undefined): string {
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const job of jobs) lines.push(COLUMNS.map(([, value]) => cell(value(job, timeZone))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
