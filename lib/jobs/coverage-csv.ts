// The coverage view as CSV: one row per subclient, with its client's state beside its own.

import { type ClientCoverage, COVERAGE_INFO } from "./coverage";
import { csvCell as cell } from "./csv-cell";

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

export function coverageCsv(clients: readonly ClientCoverage[]): string {
  const header = [
    "client",
    "client state",
    "subclient",
    "agent",
    "state",
    "last success",
    "last success job",
    "level",
    "size (bytes)",
    "last attempt",
    "last attempt job",
    "last attempt status",
    "strikes",
  ];
  const rows = clients.flatMap((client) =>
    client.subclients.map((sub) => [
      client.name,
      COVERAGE_INFO[client.state].label,
      sub.name,
      sub.agent,
      COVERAGE_INFO[sub.state].label,
      iso(sub.lastSuccess?.endTime),
      sub.lastSuccess?.jobId ?? null,
      sub.lastSuccess?.level ?? null,
      sub.lastSuccess?.size ?? null,
      iso(sub.lastAttempt?.endTime),
      sub.lastAttempt?.jobId ?? null,
      sub.lastAttempt?.status ?? null,
      sub.strikes,
    ]),
  );
  return `${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}
