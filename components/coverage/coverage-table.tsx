"use client";

// The clients, worst first, each opening to its subclients: last success (when, which job, level, size),
// last attempt and its outcome, strikes, and how old the last success is. Every number links to its jobs.

import Link from "next/link";
import type { ClientCoverage, SubclientCoverage } from "@/lib/jobs/coverage";
import { formatAbsolute, formatBytes, formatDuration } from "@/lib/jobs/format";
import { CoverageBadge } from "./coverage-badge";
import { clientJobsLink, strikesLink } from "./coverage-links";

function SubclientRow({
  client,
  sub,
  timeZone,
}: {
  client: string;
  sub: SubclientCoverage;
  timeZone: string | undefined;
}) {
  return (
    <tr className="border-t border-[var(--border)]" data-subclient-id={sub.id ?? undefined}>
      <td className="px-2 py-1">{sub.name}</td>
      <td className="px-2 py-1">{sub.agent ?? "–"}</td>
      <td className="px-2 py-1">
        <CoverageBadge state={sub.state} />
      </td>
      <td className="px-2 py-1" data-column="last-success">
        {sub.lastSuccess ? (
          <>
            {formatAbsolute(sub.lastSuccess.endTime, timeZone)}
            {sub.lastSuccess.jobId !== null && (
              <>
                {" "}
                <Link className="underline" href={`/jobs/${sub.lastSuccess.jobId}`}>
                  job {sub.lastSuccess.jobId}
                </Link>
              </>
            )}
            {sub.lastSuccess.level ? ` · ${sub.lastSuccess.level}` : ""}
            {sub.lastSuccess.size !== null ? ` · ${formatBytes(sub.lastSuccess.size)}` : ""}
          </>
        ) : (
          "never"
        )}
      </td>
      <td className="px-2 py-1">{sub.ageMs === null ? "–" : formatDuration(Math.round(sub.ageMs / 1000))}</td>
      <td className="px-2 py-1">
        {sub.lastAttempt ? (
          <Link className="underline" href={`/jobs/${sub.lastAttempt.jobId}`}>
            {sub.lastAttempt.status ?? "unknown"}
          </Link>
        ) : (
          "–"
        )}
      </td>
      <td className="px-2 py-1 tabular-nums" data-column="strikes">
        {sub.strikes > 0 ? (
          <Link className="underline" href={strikesLink(client, sub.name)}>
            {sub.strikes}
          </Link>
        ) : (
          0
        )}
      </td>
    </tr>
  );
}

export function CoverageTable({
  clients,
  timeZone,
}: {
  clients: readonly ClientCoverage[];
  timeZone: string | undefined;
}) {
  return (
    <ul className="space-y-2" aria-label="Clients, worst first" data-testid="coverage-clients">
      {clients.map((client) => (
        // The link sits beside the summary, not in it: a control inside a summary is one nobody can reach
        // as itself (axe's nested-interactive).
        <li
          key={client.id ?? client.name}
          data-client={client.name}
          data-state={client.state}
          className="relative"
        >
          <details
            className="rounded-lg border border-[var(--border)] bg-[var(--surface)]"
            open={client.state !== "protected" && client.state !== "excluded" && clients.length <= 20}
          >
            <summary className="flex cursor-pointer flex-wrap items-center gap-3 py-2 pr-24 pl-3">
              <span className="font-medium">{client.name}</span>
              <CoverageBadge state={client.state} />
              <span className="text-sm text-[var(--muted)]">
                {client.subclients.length} subclient{client.subclients.length === 1 ? "" : "s"}
                {client.groups.length > 0 ? ` · ${client.groups.join(", ")}` : ""}
              </span>
            </summary>
            <table className="w-full text-sm">
              <thead className="text-left text-[var(--muted)]">
                <tr>
                  <th className="px-2 py-1 font-normal">Subclient</th>
                  <th className="px-2 py-1 font-normal">Agent</th>
                  <th className="px-2 py-1 font-normal">State</th>
                  <th className="px-2 py-1 font-normal">Last success</th>
                  <th className="px-2 py-1 font-normal">Age</th>
                  <th className="px-2 py-1 font-normal">Last attempt</th>
                  <th className="px-2 py-1 font-normal">Strikes</th>
                </tr>
              </thead>
              <tbody>
                {client.subclients.map((sub) => (
                  <SubclientRow key={sub.id ?? sub.name} client={client.name} sub={sub} timeZone={timeZone} />
                ))}
              </tbody>
            </table>
          </details>
          <Link className="absolute top-2 right-3 text-sm underline" href={clientJobsLink(client.name)}>
            backups
          </Link>
        </li>
      ))}
    </ul>
  );
}
